import type { CreateUserGroup, UserGroupDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { userGroupKeys } from './user-group-keys';

export function useCreateUserGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserGroup) => api.post<UserGroupDto>('/api/v1/user-groups', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userGroupKeys.lists() }),
        // the creator now administers it (admin menu)
        queryClient.invalidateQueries({ queryKey: accountKeys.permissions() }),
      ]),
  });
}
