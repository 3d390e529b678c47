import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoGroupKeys } from './repo-group-keys';

/** Only empty groups can be deleted; the server says what is still inside. */
export function useDeleteRepoGroup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/v1/repo-groups/${id}`),
    // Not awaited: the page showing the group navigates away at once.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: repoGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: browseKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.permissions() });
    },
  });
}
