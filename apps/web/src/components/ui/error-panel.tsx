import { Link } from 'react-router';
import { useT } from '../../lib/i18n';

/** The error page body: status, explanation, and a way on. */
export function ErrorPanel({ status, message, onRetry }: { status?: number; message?: string; onRetry?: () => void }) {
  const t = useT();
  const title = status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : t('error.title');
  return (
    <section className="error-panel" role="alert">
      <h1>
        {status ? `${status} · ` : ''}
        {title}
      </h1>
      {message && <p>{message}</p>}
      <p>
        {onRetry && status === undefined && (
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}{' '}
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </section>
  );
}
