import type { BrowseResponse } from '@grove/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { Age } from '../../../components/ui/age';
import { useT } from '../../../lib/i18n';
import { cursorRowProps, useListCursor } from '../../../lib/use-list-cursor';

/** Groups first, then repositories: Kallithea's home grid. */
export function RepositoryGrid({ data }: { data: BrowseResponse }) {
  const t = useT();
  // j/k over groups then repositories, Enter opens (issue 7 §10)
  const urls = useMemo(() => [...data.groups.map((g) => `/${g.name}`), ...data.repositories.items.map((r) => `/${r.name}`)], [data]);
  const cursor = useListCursor(true, urls, 'table.repository-grid tbody tr');
  const groups = data.groups.length;
  return (
    <table className="grid repository-grid">
      <thead>
        <tr>
          <th>{t('home.colName')}</th>
          <th>{t('home.colDescription')}</th>
          <th>{t('home.colLastChange')}</th>
          <th>{t('home.colTip')}</th>
          <th>{t('home.colOwner')}</th>
        </tr>
      </thead>
      <tbody>
        {data.groups.map((group, i) => (
          <tr key={`g${group.id}`} {...cursorRowProps(cursor, i, 'group-row')}>
            <td>
              <span className="type-label">group</span> <Link to={`/${group.name}`}>{group.shortName}</Link>
            </td>
            <td>{group.description}</td>
            <td />
            <td />
            <td>{group.owner}</td>
          </tr>
        ))}
        {data.repositories.items.map((repo, i) => (
          <tr key={`r${repo.id}`} {...cursorRowProps(cursor, groups + i, 'repo-row')}>
            <td>
              <span className={`type-label ${repo.type}`}>{repo.type}</span> <Link to={`/${repo.name}`}>{repo.shortName}</Link>
              {repo.private && <span className="badge">{t('home.private')}</span>}
              {repo.forkOf && (
                <span className="muted">
                  {' '}
                  (<Link to={`/${repo.forkOf.name}`}>{t('home.forkOf', { name: repo.forkOf.name })}</Link>)
                </span>
              )}
            </td>
            <td className="description">{truncate(repo.description, 80)}</td>
            <td>
              <Age date={repo.updatedOn} />
            </td>
            <td>
              {repo.tip ? (
                <code title={`${repo.tip.author}: ${repo.tip.message}`}>
                  r{repo.tip.revision}:{repo.tip.shortId}
                </code>
              ) : (
                <span className="muted">{t('home.noChangesets')}</span>
              )}
            </td>
            <td>{repo.owner}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cuts at a word boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
