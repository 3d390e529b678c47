import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

export function useDeleteRepoField(id: number, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.delete<void>(`/api/v1/repos/${repoIdRef(id)}/fields/${encodeURIComponent(key)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repoKeys.detail(name) }),
  });
}
