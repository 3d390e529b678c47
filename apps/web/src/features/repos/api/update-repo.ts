import type { RepoDetail, UpdateRepo } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoIdRef, repoKeys } from './repo-keys';

/** Settings; a new `name` renames and/or moves the repository. */
export function useUpdateRepo(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRepo) => api.patch<RepoDetail>(`/api/v1/repos/${repoIdRef(id)}`, body),
    onSuccess: (repo) => {
      queryClient.setQueryData(repoKeys.detail(repo.name), repo);
      // Not awaited: after a rename the page moves to the new URL at once.
      void queryClient.invalidateQueries({ queryKey: repoKeys.all, predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === repo.name) });
      void queryClient.invalidateQueries({ queryKey: browseKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
