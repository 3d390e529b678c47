import type { RepoDetail, RepoListItem } from '@grove/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { repoSettingsUrl } from '../../../lib/paths';

/** Kallithea's repository states, in words. */
export function useRepoStateLabel() {
  const t = useT();
  return (state: string) => (state === 'repo_state_created' ? t('repos.stateCreated') : state === 'repo_state_pending' ? t('repos.statePending') : state);
}

/** The admin grid and the My Account lists: name, description, tip, owner, state, and Edit when allowed. */
export function ReposTable({ repos, canEdit }: { repos: (RepoListItem | RepoDetail)[]; canEdit: (repo: RepoListItem | RepoDetail) => boolean }) {
  const t = useT();
  const stateLabel = useRepoStateLabel();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t('common.name')}</th>
          <th>{t('common.description')}</th>
          <th>{t('home.colTip')}</th>
          <th>{t('common.owner')}</th>
          <th>{t('repos.state')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {repos.map((repo) => (
          <tr key={repo.id}>
            <td>
              <span className={`type-label ${repo.type}`}>{repo.type}</span> <Link to={`/${repo.name}`}>{repo.name}</Link>
              {repo.private && <span className="badge">{t('home.private')}</span>}
            </td>
            <td className="description">{repo.description}</td>
            <td>{repo.tip ? <code>{`r${repo.tip.revision}:${repo.tip.shortId}`}</code> : <span className="muted">{t('home.noChangesets')}</span>}</td>
            <td>{repo.owner}</td>
            <td>{stateLabel(repo.state)}</td>
            <td className="actions-cell">
              {canEdit(repo) && (
                <Link className="button" to={repoSettingsUrl(repo.name)} aria-label={t('repos.editNamed', { name: repo.name })}>
                  {t('common.edit')}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
