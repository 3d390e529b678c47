import type { UserIpDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { IpListOwner, ipListBase } from './credential-owner';

export const ipsQueryOptions = (owner: IpListOwner) =>
  queryOptions({
    queryKey: credentialKeys.ips(owner),
    queryFn: ({ signal }) => api.get<{ ips: UserIpDto[] }>(ipListBase(owner), undefined, signal),
  });

/** A user's IP allow-list, or the global one. */
export function useIps(owner: IpListOwner) {
  return useQuery(ipsQueryOptions(owner));
}
