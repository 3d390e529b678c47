import { useLocation } from 'react-router';
import { ErrorPanel } from '../../components/ui/error-panel';
import { useT } from '../../lib/i18n';

export function NotFoundRoute() {
  const t = useT();
  const location = useLocation();
  return <ErrorPanel status={404} message={t('error.notFoundText', { path: location.pathname })} />;
}
