import type { PermissionEntries } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export const userGroupPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userGroupKeys.permissions(id),
    queryFn: ({ signal }) => api.get<PermissionEntries>(`/api/v1/user-groups/${id}/permissions`, undefined, signal),
  });

/** Who may use or administer the group. */
export function useUserGroupPermissions(id: number) {
  return useQuery(userGroupPermissionsQueryOptions(id));
}
