import type { LoginRequest, SessionResponse } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionResponse>('/api/v1/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Everything cached was fetched as someone else.
      queryClient.clear();
      queryClient.setQueryData(authKeys.session(), session);
    },
  });
}
