import type { PermissionSummary } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from './account-keys';

/**
 * My effective permissions. `repositories: 'admin'` lists only the repositories I administer: what
 * the admin menu and location pickers need, small even on large sites; My Account shows 'all'.
 */
export const myPermissionsQueryOptions = (repositories: 'all' | 'admin' = 'admin') =>
  queryOptions({
    queryKey: [...accountKeys.permissions(), repositories],
    queryFn: ({ signal }) => api.get<PermissionSummary>('/api/v1/me/permissions', { repositories }, signal),
    staleTime: 5 * 60_000,
  });

export function useMyPermissions(options: { enabled?: boolean; repositories?: 'all' | 'admin' } = {}) {
  return useQuery({ ...myPermissionsQueryOptions(options.repositories), enabled: options.enabled ?? true });
}
