import type { RepoListItem } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

export const myRepositoriesQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.repositories(),
    queryFn: ({ signal }) => api.get<{ repositories: RepoListItem[] }>('/api/v1/me/repositories', undefined, signal),
  });

/** Repositories I own. */
export function useMyRepositories() {
  return useQuery(myRepositoriesQueryOptions());
}
