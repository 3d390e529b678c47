import type { Page, UserSummary } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const usersQueryOptions = (params: { page: number; size: number; filter?: string }) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<UserSummary>>('/api/v1/users', params, signal),
    placeholderData: keepPreviousData,
  });

export function useUsers(params: { page: number; size: number; filter?: string }) {
  return useQuery(usersQueryOptions(params));
}
