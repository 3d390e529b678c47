import type { PermissionEntries } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoIdRef, repoKeys } from './repo-keys';

export const repoPermissionsQueryOptions = (id: number) =>
  queryOptions({
    queryKey: repoKeys.permissions(id),
    queryFn: ({ signal }) => api.get<PermissionEntries>(`/api/v1/repos/${repoIdRef(id)}/permissions`, undefined, signal),
  });

export function useRepoPermissions(id: number) {
  return useQuery(repoPermissionsQueryOptions(id));
}
