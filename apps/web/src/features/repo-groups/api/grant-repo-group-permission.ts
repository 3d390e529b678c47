import type { GrantRepoGroupPermission, PermissionEntries } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoKeys } from '../../repos/api/repo-keys';
import { repoGroupKeys } from './repo-group-keys';

/** Grant, optionally written down to sub-groups and/or repositories (`recursive`). */
export function useGrantRepoGroupPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GrantRepoGroupPermission) => api.post<PermissionEntries>(`/api/v1/repo-groups/${id}/permissions`, body),
    onSuccess: (entries, body) => {
      queryClient.setQueryData(repoGroupKeys.permissions(id), entries);
      if (body.recursive && body.recursive !== 'none') {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: [...repoGroupKeys.all, 'permissions'] }),
          queryClient.invalidateQueries({ queryKey: repoKeys.all }),
          queryClient.invalidateQueries({ queryKey: browseKeys.all }),
        ]);
      }
      return undefined;
    },
  });
}
