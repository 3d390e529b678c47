import type { UserIpDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { IpListOwner, ipListBase } from './credential-owner';

export function useAddIp(owner: IpListOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ipAddr: string) => api.post<UserIpDto>(ipListBase(owner), { ipAddr }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.ips(owner) }),
  });
}
