import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoIdRef, repoKeys } from './repo-keys';

/** Deletes (archives on disk); with forks the caller must choose to detach or delete them. */
export function useDeleteRepo(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (forks?: 'detach' | 'delete') => api.delete<void>(`/api/v1/repos/${repoIdRef(id)}`, { forks }),
    // Not awaited: the page showing the repository navigates away at once.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: repoKeys.all });
      void queryClient.invalidateQueries({ queryKey: browseKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
