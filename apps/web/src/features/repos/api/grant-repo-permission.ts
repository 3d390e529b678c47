import type { GrantRepositoryPermission, PermissionEntries } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

export function useGrantRepoPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantRepositoryPermission) => api.post<PermissionEntries>(`/api/v1/repos/${repoIdRef(id)}/permissions`, body),
    onSuccess: (entries) => queryClient.setQueryData(repoKeys.permissions(id), entries),
  });
}
