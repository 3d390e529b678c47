import type { DefaultPermissions, UpdateDefaultPermissions } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

/** Changes what everybody may see and do (and the site's anonymous access), so everything else is refetched. */
export function useUpdateDefaultPermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDefaultPermissions) => api.put<DefaultPermissions>('/api/v1/admin/default-permissions', body),
    onSuccess: (value) => {
      queryClient.setQueryData(adminKeys.defaultPermissions(), value);
      void queryClient.invalidateQueries({ predicate: (q) => !(q.queryKey[0] === 'admin' && q.queryKey[1] === 'default-permissions') });
    },
  });
}
