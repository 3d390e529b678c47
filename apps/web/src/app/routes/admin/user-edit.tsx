import type { UpdateUserRequest, UserSummary } from '@grove/shared';
import { useState } from 'react';
import { Outlet, useNavigate, useOutletContext, useParams } from 'react-router';
import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Flash, FormError, useLocationFlash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { ApiKeysPanel } from '../../../features/credentials/components/api-keys-panel';
import { EmailsPanel } from '../../../features/credentials/components/emails-panel';
import { IpAllowListPanel } from '../../../features/credentials/components/ip-allowlist-panel';
import { SshKeysPanel } from '../../../features/credentials/components/ssh-keys-panel';
import { GlobalPermissionsForm } from '../../../features/permissions/components/global-permissions-form';
import { PermissionSummaryView } from '../../../features/permissions/components/permission-summary-view';
import { UsernameInput } from '../../../features/permissions/components/username-input';
import { useDeleteUser } from '../../../features/users/api/delete-user';
import { useUser } from '../../../features/users/api/get-user';
import { useUserGlobalPermissions } from '../../../features/users/api/get-user-global-permissions';
import { useUserPermissions } from '../../../features/users/api/get-user-permissions';
import { useSetUserGlobalPermissions } from '../../../features/users/api/set-user-global-permissions';
import { useUpdateUser } from '../../../features/users/api/update-user';
import { UserForm } from '../../../features/users/components/user-form';
import { useT } from '../../../lib/i18n';

/** `/_admin/users/{id}/edit…`: the user's tabs (web-ui.md §2.8). */
export function AdminUserEditLayout() {
  const t = useT();
  const id = Number(useParams()['id']);
  const query = useUser(id);
  const base = `/_admin/users/${id}/edit`;
  return (
    <section>
      <QueryState query={query}>
        {(user) => (
          <>
            <header className="page-header">
              <h1>{t('admin.users.editTitle', { name: user.username })}</h1>
            </header>
            <TabNav
              label={t('admin.users.tabs')}
              tabs={[
                { to: base, label: t('admin.users.tabProfile') },
                { to: `${base}/emails`, label: t('admin.users.tabEmails') },
                { to: `${base}/ips`, label: t('admin.users.tabIps') },
                { to: `${base}/api_keys`, label: t('admin.users.tabApiKeys') },
                { to: `${base}/ssh_keys`, label: t('admin.users.tabSshKeys') },
                { to: `${base}/permissions`, label: t('admin.users.tabPermissions') },
                { to: `${base}/advanced`, label: t('admin.users.tabAdvanced') },
              ]}
            />
            <Outlet context={user} />
          </>
        )}
      </QueryState>
    </section>
  );
}

const useEditedUser = () => useOutletContext<UserSummary>();

export function AdminUserProfileTab() {
  const t = useT();
  const user = useEditedUser();
  const update = useUpdateUser(user.id);
  const locationFlash = useLocationFlash();
  const flash = update.isSuccess ? t('admin.users.saved', { name: update.data.username }) : locationFlash;
  return (
    <div className="narrow">
      <Flash message={flash} />
      <UserForm
        key={user.id}
        user={user}
        submitting={update.isPending}
        serverError={update.error?.message}
        onSubmit={(values) => update.mutate(values as UpdateUserRequest)}
      />
    </div>
  );
}

export function AdminUserEmailsTab() {
  const user = useEditedUser();
  return <EmailsPanel owner={{ kind: 'user', id: user.id }} primary={user.email} />;
}

export function AdminUserIpsTab() {
  const user = useEditedUser();
  return <IpAllowListPanel owner={{ kind: 'user', id: user.id }} />;
}

export function AdminUserApiKeysTab() {
  const user = useEditedUser();
  return <ApiKeysPanel owner={{ kind: 'user', id: user.id }} />;
}

export function AdminUserSshKeysTab() {
  const user = useEditedUser();
  return <SshKeysPanel owner={{ kind: 'user', id: user.id }} />;
}

/** The user's own global permissions (three toggles) and what they end up with everywhere. */
export function AdminUserPermissionsTab() {
  const t = useT();
  const user = useEditedUser();
  const globals = useUserGlobalPermissions(user.id);
  const setGlobals = useSetUserGlobalPermissions(user.id);
  const summary = useUserPermissions(user.id);
  return (
    <div>
      <h2>{t('permissions.globalTitle')}</h2>
      <QueryState query={globals}>
        {(value) => (
          <GlobalPermissionsForm
            value={value}
            submitting={setGlobals.isPending}
            serverError={setGlobals.error?.message}
            saved={setGlobals.isSuccess}
            onSubmit={(v) => setGlobals.mutate(v)}
          />
        )}
      </QueryState>
      <QueryState query={summary}>{(data) => <PermissionSummaryView summary={data} linkAdmin />}</QueryState>
    </div>
  );
}

/** Facts and deletion; a user who owns things can only be deleted by naming who takes them over. */
export function AdminUserAdvancedTab() {
  const t = useT();
  const user = useEditedUser();
  const navigate = useNavigate();
  const remove = useDeleteUser(user.id);
  const [heir, setHeir] = useState('');
  return (
    <div className="narrow">
      <dl className="facts">
        <dt>{t('admin.users.createdOn')}</dt>
        <dd>
          <Age date={user.createdOn} />
        </dd>
        <dt>{t('admin.users.lastLogin')}</dt>
        <dd>{user.lastLogin ? <Age date={user.lastLogin} /> : t('common.never')}</dd>
        <dt>{t('admin.users.authType')}</dt>
        <dd>{user.externType ?? 'internal'}</dd>
      </dl>
      <h2>{t('admin.users.deleteTitle')}</h2>
      <label className="field">
        <span>{t('admin.users.reassignTo')}</span>
        <UsernameInput name="reassignTo" value={heir} onChange={setHeir} />
        <small className="muted">{t('admin.users.reassignHelp')}</small>
      </label>
      <div className="actions">
        <ConfirmButton
          label={t('admin.users.delete')}
          question={t('admin.users.deleteQuestion', { name: user.username })}
          disabled={remove.isPending}
          onConfirm={() =>
            remove.mutate(heir.trim() || undefined, {
              onSuccess: () => navigate('/_admin/users', { state: { flash: t('admin.users.deleted', { name: user.username }) } }),
            })
          }
        />
      </div>
      <FormError message={remove.error?.message} />
    </div>
  );
}
