import type { RepoListItem } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export const watchedQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.watched(),
    queryFn: ({ signal }) => api.get<{ repositories: RepoListItem[] }>('/api/v1/me/watched', undefined, signal),
  });

/** Repositories I follow. */
export function useWatched() {
  return useQuery(watchedQueryOptions());
}
