import type { CreateRepoGroup, RepoGroupDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoGroupKeys } from './repo-group-keys';

export function useCreateRepoGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRepoGroup) => api.post<RepoGroupDto>('/api/v1/repo-groups', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: repoGroupKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: browseKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.permissions() }),
      ]),
  });
}
