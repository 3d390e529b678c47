import type { Page, RepoGroupDto } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoGroupKeys } from './repo-group-keys';

export const repoGroupsQueryOptions = (params: { page: number; size: number; filter?: string }) =>
  queryOptions({
    queryKey: repoGroupKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<RepoGroupDto>>('/api/v1/repo-groups', params, signal),
    placeholderData: keepPreviousData,
  });

/** Repository groups I administer (the admin grid). */
export function useRepoGroups(params: { page: number; size: number; filter?: string }) {
  return useQuery(repoGroupsQueryOptions(params));
}
