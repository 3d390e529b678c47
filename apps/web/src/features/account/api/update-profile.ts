import type { CurrentUser, SessionResponse, UpdateProfile } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { authKeys } from '../../auth/api/auth-keys';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfile) => api.patch<CurrentUser>('/api/v1/me', body),
    onSuccess: (user) => queryClient.setQueryData<SessionResponse | null>(authKeys.session(), (session) => (session ? { ...session, user } : session)),
  });
}
