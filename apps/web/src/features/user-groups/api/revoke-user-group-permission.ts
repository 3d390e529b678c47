import type { PermissionEntries } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export function useRevokeUserGroupPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: { subjectType: 'user' | 'user_group'; subjectId: number }) =>
      api.delete<PermissionEntries>(`/api/v1/user-groups/${id}/permissions`, subject),
    onSuccess: (entries) => queryClient.setQueryData(userGroupKeys.permissions(id), entries),
  });
}
