import type { SubjectGlobalPermissions } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const userGlobalPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userKeys.globalPermissions(id),
    queryFn: ({ signal }) => api.get<SubjectGlobalPermissions>(`/api/v1/users/${id}/global-permissions`, undefined, signal),
  });

export function useUserGlobalPermissions(id: number) {
  return useQuery(userGlobalPermissionsQueryOptions(id));
}
