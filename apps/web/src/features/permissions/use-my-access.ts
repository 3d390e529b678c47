import type { CurrentUser, EffectivePermissions, PermissionSummary } from '@grove/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMyPermissions } from '../account/api/get-my-permissions';
import { useSession } from '../auth/api/get-session';
import { effectiveFromSummary } from './effective';

export interface MyAccess {
  user: CurrentUser;
  summary: PermissionSummary;
  permissions: EffectivePermissions;
}

/**
 * The signed-in user with their effective permissions (from the server's summary), for pages
 * that offer choices by permission. Use inside `RequireUser`; render through `QueryState`.
 */
export function useMyAccess(options: { enabled?: boolean } = {}): UseQueryResult<MyAccess> {
  const session = useSession();
  const summary = useMyPermissions({ enabled: !!session.data && (options.enabled ?? true) });
  const user = session.data?.user;
  if (!user || !summary.data) return summary as unknown as UseQueryResult<MyAccess>;
  return { ...summary, data: { user, summary: summary.data, permissions: effectiveFromSummary(summary.data, user) } } as UseQueryResult<MyAccess>;
}
