import type { SessionResponse } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

/** The signed-in user, or null for anonymous visitors. */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/api/v1/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = () => queryOptions({ queryKey: authKeys.session(), queryFn: getSession, staleTime: 60_000 });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
