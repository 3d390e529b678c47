import type { RepoDetail } from '@grove/shared';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { useT } from '../../../lib/i18n';
import { useRepoStatistics, useResetStatistics } from '../api/statistics';

/** Statistics tab of the repository settings: how far gathering got, and reset. */
export function StatisticsSettingsPanel({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const query = useRepoStatistics(repo.id);
  const reset = useResetStatistics(repo.id);
  return (
    <div className="panel">
      <QueryState query={query}>
        {(stats) =>
          !stats.enabled ? (
            <p className="muted">{t('statistics.disabled')}</p>
          ) : (
            <>
              <dl className="facts">
                <dt>{t('statistics.processed')}</dt>
                <dd data-testid="statistics-progress">{t('statistics.progress', { processed: stats.processed, total: stats.total, percent: percentOf(stats.processed, stats.total) })}</dd>
              </dl>
              <ConfirmButton label={t('statistics.reset')} question={t('statistics.resetQuestion')} disabled={reset.isPending} onConfirm={() => reset.mutate()} />
              <FormError message={reset.error?.message} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part / whole) * 100);
}
