import type { PermissionEntries } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoGroupKeys } from './repo-group-keys';

export const repoGroupPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: repoGroupKeys.permissions(id),
    queryFn: ({ signal }) => api.get<PermissionEntries>(`/api/v1/repo-groups/${id}/permissions`, undefined, signal),
  });

export function useRepoGroupPermissions(id: number) {
  return useQuery(repoGroupPermissionsQueryOptions(id));
}
