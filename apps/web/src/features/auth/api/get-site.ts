import type { SiteInfo } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export const siteQueryOptions = () =>
  queryOptions({ queryKey: authKeys.site(), queryFn: () => api.get<SiteInfo>('/api/v1/site'), staleTime: 5 * 60_000 });

export function useSite() {
  return useQuery(siteQueryOptions());
}
