import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { IpListOwner, ipListBase } from './credential-owner';

export function useDeleteIp(owner: IpListOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`${ipListBase(owner)}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.ips(owner) }),
  });
}
