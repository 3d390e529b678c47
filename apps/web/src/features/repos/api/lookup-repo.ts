import type { RepoDetail } from '@grove/shared';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import { apiRef } from '../../../lib/paths';
import { repoKeys } from './repo-keys';

export interface RepoMatch {
  /** the candidate from the URL that named it (may be the permanent `_<id>` form) */
  ref: string;
  repo: RepoDetail;
}

/**
 * The first of `refs` that is a repository I may read (the URL rule of web-ui.md §0: try the
 * shortest candidate first), or null. A found repository is also put in the detail cache.
 */
export async function lookupRepo(queryClient: QueryClient, refs: readonly string[], signal?: AbortSignal): Promise<RepoMatch | null> {
  for (const ref of refs) {
    try {
      const repo = await api.get<RepoDetail>(`/api/v1/repos/${apiRef(ref)}`, undefined, signal);
      queryClient.setQueryData(repoKeys.detail(repo.name), repo);
      return { ref, repo };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) continue;
      throw error;
    }
  }
  return null;
}

export const repoLookupQueryOptions = (queryClient: QueryClient, refs: readonly string[]) =>
  queryOptions({ queryKey: repoKeys.lookup(refs), queryFn: ({ signal }) => lookupRepo(queryClient, refs, signal) });

/** Routing: which of these URL readings is a repository (null: none, e.g. it is a group page). */
export function useRepoLookup(refs: readonly string[]) {
  const queryClient = useQueryClient();
  return useQuery(repoLookupQueryOptions(queryClient, refs));
}
