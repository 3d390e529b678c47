import type { RepoScanResult } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { browseKeys } from '../../browse/api/browse-keys';
import { repoGroupKeys } from '../../repo-groups/api/repo-group-keys';
import { repoKeys } from '../../repos/api/repo-keys';

/** "Remap and rescan": import repositories found on disk, optionally forget missing ones. */
export function useRepoScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { removeObsolete: boolean }) => api.post<RepoScanResult>('/api/v1/admin/repo-scan', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: repoKeys.all });
      void queryClient.invalidateQueries({ queryKey: repoGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: browseKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}
