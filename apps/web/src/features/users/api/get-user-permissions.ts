import type { PermissionSummary } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const userPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userKeys.permissions(id),
    queryFn: ({ signal }) => api.get<PermissionSummary>(`/api/v1/users/${id}/permissions`, undefined, signal),
  });

/** What the user ends up with, per object. */
export function useUserPermissions(id: number) {
  return useQuery(userPermissionsQueryOptions(id));
}
