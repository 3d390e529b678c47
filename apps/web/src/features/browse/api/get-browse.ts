import type { BrowseResponse } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { browseKeys } from './browse-keys';

export interface BrowseParams {
  group?: string;
  filter?: string;
  page: number;
  size: number;
}

export const browseQueryOptions = (params: BrowseParams) =>
  queryOptions({
    queryKey: browseKeys.list(params),
    queryFn: ({ signal }) => api.get<BrowseResponse>('/api/v1/browse', { ...params }, signal),
    placeholderData: keepPreviousData,
  });

export function useBrowse(params: BrowseParams) {
  return useQuery(browseQueryOptions(params));
}
