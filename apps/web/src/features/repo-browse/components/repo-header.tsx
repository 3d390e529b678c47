import { Link, NavLink } from 'react-router';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { useT } from '../../../lib/i18n';
import { repoSettingsUrl } from '../../../lib/paths';
import { repoUrls } from '../../../lib/repo-paths';
import { useSession } from '../../auth/api/get-session';
import { useToggleFollow } from '../api/mutations';
import { useRepoContext } from '../repo-context';

/** The repository context bar: type, privacy, breadcrumbs, tabs, and the options (compare, follow, forks, followers, settings). */
export function RepoHeader({ rev }: { rev?: string }) {
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
      {signedIn && (
        <button type="button" className="button" disabled={follow.isPending} onClick={() => follow.mutate(!repo.following)}>
          {repo.following ? t('browse.unfollow') : t('browse.follow')}
        </button>
      )}
    </header>
  );
}
