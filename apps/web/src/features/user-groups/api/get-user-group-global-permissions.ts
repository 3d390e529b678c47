import type { SubjectGlobalPermissions } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export const userGroupGlobalPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userGroupKeys.globalPermissions(id),
    queryFn: ({ signal }) => api.get<SubjectGlobalPermissions>(`/api/v1/user-groups/${id}/global-permissions`, undefined, signal),
  });

export function useUserGroupGlobalPermissions(id: number) {
  return useQuery(userGroupGlobalPermissionsQueryOptions(id));
}
