import type { RepoGroupDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiRef } from '../../../lib/paths';
import { repoGroupKeys } from './repo-group-keys';

export const repoGroupQueryOptions = (name: string) =>
  queryOptions({
    queryKey: repoGroupKeys.detail(name),
    queryFn: ({ signal }) => api.get<RepoGroupDto>(`/api/v1/repo-groups/${apiRef(name)}`, undefined, signal),
  });

/** One group by full name, with my permission on it. */
export function useRepoGroup(name: string) {
  return useQuery(repoGroupQueryOptions(name));
}
