import type { RepoStatistics } from '@grove/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const statisticsKeys = {
  all: ['statistics'] as const,
  repo: (repoId: number) => [...statisticsKeys.all, repoId] as const,
  range: (repoId: number, range: { from?: string; to?: string }) => [...statisticsKeys.repo(repoId), range] as const,
};

/**
 * A repository's commit activity. Every fetch parses the next batch on the server, so while
 * some changesets are left the query asks again (the "Stats gathered: x %" progress).
 */
export function useRepoStatistics(repoId: number, range: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: statisticsKeys.range(repoId, range),
    queryFn: ({ signal }) => api.get<RepoStatistics>(`/api/v1/repos/_${repoId}/statistics`, range, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data?.enabled && data.processed < data.total ? 500 : false;
    },
  });
}

/** Statistics tab of the settings: gather again from the first changeset. */
export function useResetStatistics(repoId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/v1/repos/_${repoId}/statistics`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statisticsKeys.repo(repoId) }),
  });
}
