import type { DefaultPermissions } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

export const defaultPermissionsQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.defaultPermissions(),
    queryFn: ({ signal }) => api.get<DefaultPermissions>('/api/v1/admin/default-permissions', undefined, signal),
  });

export function useDefaultPermissions() {
  return useQuery(defaultPermissionsQueryOptions());
}
