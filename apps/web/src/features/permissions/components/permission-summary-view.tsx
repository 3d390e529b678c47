import type { PermissionSummary } from '@grove/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pager } from '../../../components/ui/pager';
import { useT } from '../../../lib/i18n';
import { repoGroupEditUrl } from '../../../lib/paths';

const PAGE_SIZE = 100;

type Row = { id: number; name: string; permission: string };

function SummaryTable({ title, rows, link }: { title: string; rows: Row[]; link: (row: Row) => string | null }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((r) => r.name.toLowerCase().includes(needle)) : rows;
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <section className="summary-section">
      <header className="page-header">
        <h2>{title}</h2>
        <input
          className="quick-filter"
          type="search"
          aria-label={`${t('common.filter')} ${title}`}
          placeholder={t('common.filter')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
          }}
        />
      </header>
      {matching.length === 0 ? (
        <p className="muted">{t('permissions.summaryEmpty')}</p>
      ) : (
        <table className="grid" aria-label={title}>
          <thead>
            <tr>
              <th>{t('common.name')}</th>
              <th>{t('permissions.permission')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const to = link(row);
              return (
                <tr key={row.id}>
                  <td>{to ? <Link to={to}>{row.name}</Link> : row.name}</td>
                  <td>
                    <code>{row.permission}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={page} size={PAGE_SIZE} total={matching.length} onPage={setPage} />
    </section>
  );
}

/** "Show permissions": the global permissions and the effective level on every object (filterable, paged). */
export function PermissionSummaryView({ summary, linkAdmin = false }: { summary: PermissionSummary; linkAdmin?: boolean }) {
  const t = useT();
  return (
    <div className="permission-summary">
      <section className="summary-section">
        <h2>{t('permissions.global')}</h2>
        <ul className="tag-list" aria-label={t('permissions.global')}>
          {summary.global.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      </section>
      <SummaryTable title={t('permissions.repositories')} rows={summary.repositories} link={(r) => `/${r.name}`} />
      <SummaryTable
        title={t('permissions.repoGroups')}
        rows={summary.repoGroups}
        link={(g) => (linkAdmin && g.permission === 'group.admin' ? repoGroupEditUrl(g.name) : `/${g.name}`)}
      />
      <SummaryTable
        title={t('permissions.userGroups')}
        rows={summary.userGroups}
        link={(g) => (linkAdmin && g.permission === 'usergroup.admin' ? `/_admin/user_groups/${g.id}/edit` : null)}
      />
    </div>
  );
}
