import type { PermissionEntries } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

export function useRevokeRepoPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (subject: { subjectType: 'user' | 'user_group'; subjectId: number }) =>
      api.delete<PermissionEntries>(`/api/v1/repos/${repoIdRef(id)}/permissions`, subject),
    onSuccess: (entries) => queryClient.setQueryData(repoKeys.permissions(id), entries),
  });
}
