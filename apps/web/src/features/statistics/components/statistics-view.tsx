import type { RepoDetail } from '@grove/shared';
import { useState } from 'react';
import { QueryState } from '../../../components/ui/query-state';
import { useT } from '../../../lib/i18n';
import { useRepoStatistics } from '../api/statistics';
import { CommitActivity } from './commit-activity';

/** `/{repo}/statistics`: commit activity charts, gathered while the page is open. */
export function StatisticsView({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const query = useRepoStatistics(repo.id, range);
  return (
    <section>
      <h2>{t('statistics.title')}</h2>
      <QueryState query={query}>
        {(stats) => (stats.enabled ? <CommitActivity stats={stats} onRangeChange={setRange} /> : <p className="muted">{t('statistics.disabled')}</p>)}
      </QueryState>
    </section>
  );
}
