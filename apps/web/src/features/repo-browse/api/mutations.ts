import type { AddFile, CommitResponse, DeleteFile, EditFile } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoKeys } from '../../repos/api/repo-keys';
import { repoBrowseKeys } from './browse-keys';
import { repoApiUrl } from './browse-api';

/** Add / edit / delete a file (a new changeset); everything cached for the repository is stale afterwards. */
export function useFileCommit(ref: string, kind: 'add' | 'edit' | 'delete') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddFile | EditFile | DeleteFile) => api.post<CommitResponse>(repoApiUrl(ref, `files/${kind}`), body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: repoBrowseKeys.repo(ref) });
      void queryClient.invalidateQueries({ queryKey: repoKeys.all });
    },
  });
}

/** Follow / unfollow a repository. */
export function useToggleFollow(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => (follow ? api.put<void>(repoApiUrl(ref, 'following')) : api.delete<void>(repoApiUrl(ref, 'following'))),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: repoBrowseKeys.all });
      void queryClient.invalidateQueries({ queryKey: repoKeys.all });
    },
  });
}
