import type { UserSummary } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const userQueryOptions = (id: number) =>
  queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => api.get<UserSummary>(`/api/v1/users/${id}`, undefined, signal) });

export function useUser(id: number) {
  return useQuery(userQueryOptions(id));
}
