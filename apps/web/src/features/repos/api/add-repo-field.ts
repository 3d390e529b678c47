import type { CreateRepoField } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

export function useAddRepoField(id: number, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRepoField) => api.post<void>(`/api/v1/repos/${repoIdRef(id)}/fields`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repoKeys.detail(name) }),
  });
}
