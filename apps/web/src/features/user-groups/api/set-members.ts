import type { UserGroupMember } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

/** Replaces the member list. */
export function useSetMembers(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: number[]) => api.put<{ members: UserGroupMember[] }>(`/api/v1/user-groups/${id}/members`, { userIds }),
    onSuccess: (data) => {
      queryClient.setQueryData(userGroupKeys.members(id), data);
      return queryClient.invalidateQueries({ queryKey: userGroupKeys.detail(id), exact: true });
    },
  });
}
