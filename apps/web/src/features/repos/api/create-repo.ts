import type { CreateRepo, RepoDetail } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoKeys } from './repo-keys';

/** Creates an empty repository, or imports one when `cloneUri` is given. */
export function useCreateRepo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRepo) => api.post<RepoDetail>('/api/v1/repos', body),
    onSuccess: (repo) => {
      queryClient.setQueryData(repoKeys.detail(repo.name), repo);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: repoKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' }),
        queryClient.invalidateQueries({ queryKey: browseKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
    },
  });
}
