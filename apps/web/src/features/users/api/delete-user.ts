import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

/** Refused while the user owns anything, unless `reassignTo` names the new owner. */
export function useDeleteUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reassignTo?: string) => api.delete<void>(`/api/v1/users/${id}`, { reassignTo }),
    // Not awaited: the page showing the user navigates away at once.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
