import type { SubjectGlobalPermissions } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userGroupKeys } from './user-group-keys';

export function useSetUserGroupGlobalPermissions(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubjectGlobalPermissions) => api.put<SubjectGlobalPermissions>(`/api/v1/user-groups/${id}/global-permissions`, body),
    onSuccess: (value) => queryClient.setQueryData(userGroupKeys.globalPermissions(id), value),
  });
}
