import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorPanel } from '../components/ui/error-panel';
import { useSession } from '../features/auth/api/get-session';
import { useT } from '../lib/i18n';
import { loginPath } from '../lib/login-path';

/** Route gate: anonymous → login page (and back); signed-in without the right → 403 panel. */
export function RequireUser({ admin = false, children }: { admin?: boolean; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (session.isError) return <ErrorPanel message={session.error.message} />;
  if (!session.data) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (admin && !session.data.user.admin) return <ErrorPanel status={403} />;
  return <>{children}</>;
}
