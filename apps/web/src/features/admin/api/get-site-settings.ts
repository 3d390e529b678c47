import type { SiteSettings } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

export const siteSettingsQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }) => api.get<SiteSettings>('/api/v1/admin/settings', undefined, signal),
  });

/** The site settings (super-admins only). */
export function useSiteSettings(options: { enabled?: boolean } = {}) {
  return useQuery({ ...siteSettingsQueryOptions(), enabled: options.enabled ?? true });
}
