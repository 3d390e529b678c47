import type { PermissionEntries, RecursionMode } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoKeys } from '../../repos/api/repo-keys';
import { repoGroupKeys } from './repo-group-keys';

export function useRevokeRepoGroupPermission(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (query: { subjectType: 'user' | 'user_group'; subjectId: number; recursive: RecursionMode }) =>
      api.delete<PermissionEntries>(`/api/v1/repo-groups/${id}/permissions`, query),
    onSuccess: (entries, query) => {
      queryClient.setQueryData(repoGroupKeys.permissions(id), entries);
      if (query.recursive !== 'none') {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: [...repoGroupKeys.all, 'permissions'] }),
          queryClient.invalidateQueries({ queryKey: repoKeys.all }),
        ]);
      }
      return undefined;
    },
  });
}
