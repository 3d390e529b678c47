import type { SubjectGlobalPermissions } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export function useSetUserGlobalPermissions(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubjectGlobalPermissions) => api.put<SubjectGlobalPermissions>(`/api/v1/users/${id}/global-permissions`, body),
    onSuccess: (value) => {
      queryClient.setQueryData(userKeys.globalPermissions(id), value);
      return queryClient.invalidateQueries({ queryKey: userKeys.permissions(id) });
    },
  });
}
