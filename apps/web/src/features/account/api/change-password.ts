import type { ChangePassword, SessionResponse } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from '../../auth/api/auth-keys';

/** Other sessions end; this browser gets a new session cookie and CSRF token. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePassword) => api.post<SessionResponse>('/api/v1/me/password', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(authKeys.session(), session);
    },
  });
}
