import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useSession } from '../../features/auth/api/get-session';
import { useSite } from '../../features/auth/api/get-site';
import { useT } from '../../lib/i18n';
import { safeCameFrom } from '../../lib/login-path';

export function LoginRoute() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const site = useSite();
  const cameFrom = safeCameFrom(params.get('came_from'));
  if (session.data) return <Navigate to={cameFrom} replace />;
  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      {site.data && !site.data.anonymousAccess && <p className="muted">{t('login.anonymousOff')}</p>}
      <LoginForm onSuccess={() => navigate(cameFrom, { replace: true })} />
    </section>
  );
}
