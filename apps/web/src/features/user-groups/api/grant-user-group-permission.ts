import type { GrantUserGroupPermission, PermissionEntries } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export function useGrantUserGroupPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantUserGroupPermission) => api.post<PermissionEntries>(`/api/v1/user-groups/${id}/permissions`, body),
    onSuccess: (entries) => queryClient.setQueryData(userGroupKeys.permissions(id), entries),
  });
}
