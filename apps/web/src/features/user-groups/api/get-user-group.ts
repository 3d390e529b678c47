import type { UserGroupDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export const userGroupQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userGroupKeys.detail(id),
    queryFn: ({ signal }) => api.get<UserGroupDto>(`/api/v1/user-groups/${id}`, undefined, signal),
  });

/** One user group with my permission on it. */
export function useUserGroup(id: number) {
  return useQuery(userGroupQueryOptions(id));
}
