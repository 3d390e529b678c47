import type { UserGroupMember } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export const membersQueryOptions = (id: number) =>
  queryOptions({
    queryKey: userGroupKeys.members(id),
    queryFn: ({ signal }) => api.get<{ members: UserGroupMember[] }>(`/api/v1/user-groups/${id}/members`, undefined, signal),
  });

export function useMembers(id: number) {
  return useQuery(membersQueryOptions(id));
}
