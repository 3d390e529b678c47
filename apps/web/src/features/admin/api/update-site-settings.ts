import type { SiteSettings, UpdateSiteSettings } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from '../../auth/api/auth-keys';
import { adminKeys } from './admin-keys';

export function useUpdateSiteSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSiteSettings) => api.patch<SiteSettings>('/api/v1/admin/settings', body),
    onSuccess: (value) => {
      queryClient.setQueryData(adminKeys.settings(), value);
      // the title is shown in the top bar
      return queryClient.invalidateQueries({ queryKey: authKeys.site() });
    },
  });
}
