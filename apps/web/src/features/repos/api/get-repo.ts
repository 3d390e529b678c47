import type { RepoDetail } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiRef } from '../../../lib/paths';
import { repoKeys } from './repo-keys';

export const repoQueryOptions = (name: string) =>
  queryOptions({
    queryKey: repoKeys.detail(name),
    queryFn: ({ signal }) => api.get<RepoDetail>(`/api/v1/repos/${apiRef(name)}`, undefined, signal),
  });

/** One repository by full name (or `_<id>`), with my permission on it. */
export function useRepo(name: string, enabled = true) {
  return useQuery({ ...repoQueryOptions(name), enabled });
}
