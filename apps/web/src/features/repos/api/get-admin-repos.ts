import type { Page, RepoDetail } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoKeys } from './repo-keys';

export const adminReposQueryOptions = (params: { page: number; size: number; filter?: string }) =>
  queryOptions({
    queryKey: repoKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<RepoDetail>>('/api/v1/repos', params, signal),
    placeholderData: keepPreviousData,
  });

/** Repositories I administer (the admin grid). */
export function useAdminRepos(params: { page: number; size: number; filter?: string }) {
  return useQuery(adminReposQueryOptions(params));
}
