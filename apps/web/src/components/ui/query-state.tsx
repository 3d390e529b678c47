import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../lib/api-client';
import { loginPath } from '../../lib/login-path';
import { useT } from '../../lib/i18n';
import { ErrorPanel } from './error-panel';

/** Loading and error states for one query; renders children only with data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  const location = useLocation();
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : undefined;
    // Anonymous visitors are sent to the login page and come back afterwards.
    if (status === 401) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    return <ErrorPanel status={status} message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
