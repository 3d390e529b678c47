import { Outlet } from 'react-router';
import { Flash } from '../../components/ui/flash';
import { QueryState } from '../../components/ui/query-state';
import { TabNav } from '../../components/ui/tab-nav';
import { useChangePassword } from '../../features/account/api/change-password';
import { useMyPermissions } from '../../features/account/api/get-my-permissions';
import { useMyRepositories } from '../../features/account/api/get-my-repositories';
import { useWatched } from '../../features/account/api/get-watched';
import { useUpdateProfile } from '../../features/account/api/update-profile';
import { PasswordForm } from '../../features/account/components/password-form';
import { ProfileForm } from '../../features/account/components/profile-form';
import { useSession } from '../../features/auth/api/get-session';
import { ApiKeysPanel } from '../../features/credentials/components/api-keys-panel';
import { EmailsPanel } from '../../features/credentials/components/emails-panel';
import { SshKeysPanel } from '../../features/credentials/components/ssh-keys-panel';
import { PermissionSummaryView } from '../../features/permissions/components/permission-summary-view';
import { ReposTable } from '../../features/repos/components/repos-table';
import { useT } from '../../lib/i18n';

const ME = { kind: 'me' } as const;
const BASE = '/_admin/my_account';

/** `/_admin/my_account…` (web-ui.md §1.8, §2.7): my profile, password, e-mails, keys, repositories, permissions. */
export function MyAccountLayout() {
  const t = useT();
  const session = useSession();
  return (
    <section>
      <header className="page-header">
        <h1>{t('account.title', { name: session.data?.user.username ?? '' })}</h1>
      </header>
      <TabNav
        label={t('account.tabs')}
        tabs={[
          { to: BASE, label: t('account.profile') },
          { to: `${BASE}/password`, label: t('account.password') },
          { to: `${BASE}/emails`, label: t('account.emails') },
          { to: `${BASE}/api_keys`, label: t('account.apiKeys') },
          { to: `${BASE}/ssh_keys`, label: t('account.sshKeys') },
          { to: `${BASE}/repos`, label: t('account.repositories') },
          { to: `${BASE}/watched`, label: t('account.watched') },
          { to: `${BASE}/perms`, label: t('account.permissions') },
        ]}
      />
      <Outlet />
    </section>
  );
}

export function MyProfileTab() {
  const t = useT();
  const session = useSession();
  const update = useUpdateProfile();
  const user = session.data!.user;
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('account.profileSaved') : null} />
      <ProfileForm
        key={`${user.email}:${user.firstname}:${user.lastname}`}
        user={user}
        submitting={update.isPending}
        serverError={update.error?.message}
        onSubmit={(body) => update.mutate(body)}
      />
    </div>
  );
}

export function MyPasswordTab() {
  const t = useT();
  const change = useChangePassword();
  return (
    <div className="narrow">
      <Flash message={change.isSuccess ? t('account.passwordChanged') : null} />
      <PasswordForm
        submitting={change.isPending}
        serverError={change.error?.message}
        onSubmit={(body, reset) => change.mutate(body, { onSettled: reset })}
      />
    </div>
  );
}

export function MyEmailsTab() {
  const session = useSession();
  return <EmailsPanel owner={ME} primary={session.data!.user.email} />;
}

export function MyApiKeysTab() {
  return <ApiKeysPanel owner={ME} />;
}

export function MySshKeysTab() {
  return <SshKeysPanel owner={ME} />;
}

export function MyRepositoriesTab() {
  const t = useT();
  const query = useMyRepositories();
  const permissions = useMyPermissions();
  const admin = new Set(permissions.data?.repositories.filter((r) => r.permission === 'repository.admin').map((r) => r.id));
  return (
    <QueryState query={query}>
      {({ repositories }) =>
        repositories.length === 0 ? (
          <p className="empty-state">{t('account.noRepositories')}</p>
        ) : (
          <ReposTable repos={repositories} canEdit={(r) => admin.has(r.id)} />
        )
      }
    </QueryState>
  );
}

export function MyWatchedTab() {
  const t = useT();
  const query = useWatched();
  return (
    <QueryState query={query}>
      {({ repositories }) =>
        repositories.length === 0 ? <p className="empty-state">{t('account.noWatched')}</p> : <ReposTable repos={repositories} canEdit={() => false} />
      }
    </QueryState>
  );
}

export function MyPermissionsTab() {
  const query = useMyPermissions({ repositories: 'all' });
  return <QueryState query={query}>{(summary) => <PermissionSummaryView summary={summary} linkAdmin />}</QueryState>;
}
