import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { accountKeys } from '../../account/api/account-keys';
import { userGroupKeys } from './user-group-keys';

/** Refused while the group holds repository permissions, unless forced. */
export function useDeleteUserGroup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => api.delete<void>(`/api/v1/user-groups/${id}`, { force: force ? 'true' : undefined }),
    // Not awaited: the page showing the group navigates away at once.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userGroupKeys.all });
      void queryClient.invalidateQueries({ queryKey: accountKeys.permissions() });
    },
  });
}
