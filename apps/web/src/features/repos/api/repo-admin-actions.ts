import type { Page, PullRepo, RepoDetail, RepoListItem } from '@grove/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

/** Adds the repository to, or removes it from, the public journal (advanced settings). */
export function useSetPublicJournal(id: number, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => (on ? api.put<void>(`/api/v1/repos/${repoIdRef(id)}/public-journal`) : api.delete<void>(`/api/v1/repos/${repoIdRef(id)}/public-journal`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repoKeys.detail(name) }),
  });
}

/** "Pull changes from remote repository" (remote settings). */
export function usePullRepo(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PullRepo) => api.post<RepoDetail>(`/api/v1/repos/${repoIdRef(id)}/pull`, body),
    onSuccess: (repo) => {
      queryClient.setQueryData(repoKeys.detail(repo.name), repo);
      void queryClient.invalidateQueries({ queryKey: repoKeys.lists() });
    },
  });
}

/** Repositories I may read whose name contains `filter` (the "fork of" choices). */
export function useReadableRepos(filter: string) {
  const params = { page: 1, size: 100, filter: filter || undefined, access: 'read' as const };
  return useQuery({
    queryKey: [...repoKeys.lists(), 'readable', params],
    queryFn: ({ signal }) => api.get<Page<RepoListItem>>('/api/v1/repos', params, signal),
    placeholderData: keepPreviousData,
  });
}
