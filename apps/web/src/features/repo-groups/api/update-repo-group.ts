import type { RepoGroupDto, UpdateRepoGroup } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoKeys } from '../../repos/api/repo-keys';
import { repoGroupKeys } from './repo-group-keys';

/** Renaming or moving changes the names of everything inside, so every name-keyed cache is dropped. */
export function useUpdateRepoGroup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRepoGroup) => api.patch<RepoGroupDto>(`/api/v1/repo-groups/${id}`, body),
    onSuccess: (group) => {
      queryClient.setQueryData(repoGroupKeys.detail(group.name), group);
      // Not awaited: after a rename the page moves to the new URL at once.
      void queryClient.invalidateQueries({ queryKey: repoGroupKeys.all, predicate: (q) => q.queryKey[2] !== group.name });
      void queryClient.invalidateQueries({ queryKey: repoKeys.all });
      void queryClient.invalidateQueries({ queryKey: browseKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.permissions() });
    },
  });
}
