import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMyPermissions } from '../../features/account/api/get-my-permissions';
import { useSession } from '../../features/auth/api/get-session';
import { useSite } from '../../features/auth/api/get-site';
import { useLogout } from '../../features/auth/api/logout';
import { adminMenuEntries, type AdminMenuEntry } from '../../features/permissions/effective';
import { useT } from '../../lib/i18n';
import { useAfterPageLoad } from '../../lib/use-after-page-load';
import type { MessageKey } from '../../locales/en';

const ADMIN_LINKS: Record<AdminMenuEntry, { to: string; label: MessageKey }> = {
  journal: { to: '/_admin', label: 'nav.adminJournal' },
  repos: { to: '/_admin/repos', label: 'nav.adminRepos' },
  repoGroups: { to: '/_admin/repo_groups', label: 'nav.adminRepoGroups' },
  users: { to: '/_admin/users', label: 'nav.adminUsers' },
  userGroups: { to: '/_admin/user_groups', label: 'nav.adminUserGroups' },
  permissions: { to: '/_admin/permissions', label: 'nav.adminPermissions' },
  settings: { to: '/_admin/settings', label: 'nav.adminSettings' },
};

/** Page chrome: site title, navigation (the admin menu shows only what the user may administer), the signed-in user. */
export function Layout() {
  const t = useT();
  const session = useSession();
  const site = useSite();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;
  // Super-admins get the full menu without asking; others' menu depends on what they administer,
  // asked for after the page's own data (the summary covers every object: large on big sites).
  const pageLoaded = useAfterPageLoad();
  const summary = useMyPermissions({ enabled: !!user && !user.admin && pageLoaded });
  const adminEntries = user ? adminMenuEntries(user, summary.data) : [];

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {site.data?.title || t('app.name')}
        </Link>
        <nav aria-label="main">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to={user ? '/_admin/journal' : '/_admin/public_journal'}>{user ? t('nav.journal') : t('nav.publicJournal')}</NavLink>
          {adminEntries.map((entry) => (
            <NavLink key={entry} to={ADMIN_LINKS[entry].to} end={entry === 'journal'}>
              {t(ADMIN_LINKS[entry].label)}
            </NavLink>
          ))}
        </nav>
        <div className="user-menu">
          {user ? (
            <>
              <span className="signed-in" data-testid="signed-in-user">
                {t('nav.signedInAs', { name: user.username })}
              </span>
              <NavLink to="/_admin/my_account">{t('nav.myAccount')}</NavLink>
              <button
                type="button"
                className="button link"
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}
              >
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <Link to="/_admin/login">{t('nav.login')}</Link>
          )}
        </div>
      </header>
      <main id="main">
        <Outlet />
      </main>
      <footer className="footer">Grove {site.data?.version ?? ''}</footer>
    </div>
  );
}
