import type { BrowseResponse } from '@grove/shared';
import { Link } from 'react-router';
import { Age } from '../../../components/ui/age';
import { useT } from '../../../lib/i18n';

/** Groups first, then repositories: Kallithea's home grid. */
export function RepositoryGrid({ data }: { data: BrowseResponse }) {
  const t = useT();
  return (
    <table className="grid">
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
        {data.groups.map((group) => (
          <tr key={`g${group.id}`} className="group-row">
            <td>
              <span className="type-label">group</span> <Link to={`/${group.name}`}>{group.shortName}</Link>
            </td>
            <td>{group.description}</td>
            <td />
            <td />
            <td>{group.owner}</td>
          </tr>
        ))}
        {data.repositories.items.map((repo) => (
          <tr key={`r${repo.id}`} className="repo-row">
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
