import { Link, NavLink, useNavigate } from 'react-router';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { useT } from '../../../lib/i18n';
import { repoSettingsUrl } from '../../../lib/paths';
import { repoUrls } from '../../../lib/repo-paths';
import { useSession } from '../../auth/api/get-session';
import { useRefs } from '../api/browse-api';
import { useToggleFollow } from '../api/mutations';
import { useRepoContext } from '../repo-context';

/** The repository context bar: type, privacy, breadcrumbs, tabs, and the options (compare, follow, forks, followers, settings). */
export function RepoHeader({ rev, page }: { rev?: string; page?: string }) {
  const t = useT();
  const { repo, base, ref } = useRepoContext();
  const session = useSession();
  const follow = useToggleFollow(ref);
  const signedIn = !!session.data;
  return (
    <header className="page-header repo-header">
      <h1>
        <span className={`type-label ${repo.type}`}>{repo.type}</span> <Breadcrumbs name={repo.name} linkLast />
        {repo.private && <span className="badge">{t('home.private')}</span>}
      </h1>
      {repo.forkOf && (
        <p className="fork-of">
          {t('repos.forkOf')} <Link to={`/${repo.forkOf.name}`}>{repo.forkOf.name}</Link>
        </p>
      )}
      <nav className="tabs" aria-label={t('browse.repoNav')}>
        <NavLink to={repoUrls.summary(base)} end>
          {t('browse.summary')}
        </NavLink>
        <NavLink to={repoUrls.changelog(base, rev && rev !== 'tip' ? { rev } : {})}>{t('browse.changelog')}</NavLink>
        <NavLink to={repoUrls.files(base, rev ?? 'tip')}>{t('browse.files')}</NavLink>
        <NavLink to={repoUrls.compare(base)}>{t('browse.compare')}</NavLink>
        <NavLink to={repoUrls.forks(base)}>{t('browse.forks')}</NavLink>
        <NavLink to={repoUrls.followers(base)}>{t('browse.followers')}</NavLink>
        {repo.permission === 'repository.admin' && <Link to={repoSettingsUrl(repo.name)}>{t('repos.settings')}</Link>}
      </nav>
      <SwitchTo page={page} />
      {signedIn && (
        <button type="button" className="button" disabled={follow.isPending} onClick={() => follow.mutate(!repo.following)}>
          {repo.following ? t('browse.unfollow') : t('browse.follow')}
        </button>
      )}
    </header>
  );
}

/**
 * "Switch To" (§1 context bar): branches, closed branches, tags, bookmarks. On Files → the files at
 * that ref; anywhere else → the changelog filtered by it (a tag or bookmark the changelog turns into
 * the changelog ending there).
 */
function SwitchTo({ page }: { page?: string }) {
  const t = useT();
  const { base, ref } = useRepoContext();
  const refs = useRefs(ref);
  const navigate = useNavigate();
  const data = refs.data;
  if (!data) return null;
  const groups = [
    { key: 'branch', label: t('browse.switchBranches'), refs: data.branches },
    { key: 'closed', label: t('browse.switchClosedBranches'), refs: data.closedBranches },
    { key: 'tag', label: t('browse.switchTags'), refs: data.tags },
    { key: 'bookmark', label: t('browse.switchBookmarks'), refs: data.bookmarks },
  ].filter((g) => g.refs.length > 0);
  if (!groups.length) return null;
  return (
    <select
      className="switch-to"
      aria-label={t('browse.switchTo')}
      value=""
      onChange={(e) => {
        const name = e.target.value.slice(e.target.value.indexOf(':') + 1);
        if (!name) return;
        navigate(page === 'files' ? repoUrls.files(base, name) : repoUrls.changelog(base, { branch: name }));
      }}
    >
      <option value="">{t('browse.switchTo')}</option>
      {groups.map((g) => (
        <optgroup key={g.key} label={g.label}>
          {g.refs.map((r) => (
            <option key={`${g.key}:${r.name}`} value={`${g.key}:${r.name}`}>
              {r.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
