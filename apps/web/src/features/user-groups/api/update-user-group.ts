import type { UpdateUserGroup, UserGroupDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export function useUpdateUserGroup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserGroup) => api.patch<UserGroupDto>(`/api/v1/user-groups/${id}`, body),
    onSuccess: (group) => {
      queryClient.setQueryData(userGroupKeys.detail(id), group);
      return queryClient.invalidateQueries({ queryKey: userGroupKeys.lists() });
    },
  });
}
