import { mayCreateUserGroup, type CreateUserGroup, type UpdateUserGroup, type UserGroupDto, type UserGroupPermission } from '@grove/shared';
import { useState } from 'react';
import { Link, Outlet, useNavigate, useOutletContext, useParams } from 'react-router';
import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Flash, FormError, useLocationFlash } from '../../../components/ui/flash';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { GlobalPermissionsForm } from '../../../features/permissions/components/global-permissions-form';
import { applyPermissionChanges, PermissionEditor } from '../../../features/permissions/components/permission-editor';
import { useMyAccess } from '../../../features/permissions/use-my-access';
import { useCreateUserGroup } from '../../../features/user-groups/api/create-user-group';
import { useDeleteUserGroup } from '../../../features/user-groups/api/delete-user-group';
import { useMembers } from '../../../features/user-groups/api/get-members';
import { useUserGroup } from '../../../features/user-groups/api/get-user-group';
import { useUserGroupGlobalPermissions } from '../../../features/user-groups/api/get-user-group-global-permissions';
import { useUserGroupPermissions } from '../../../features/user-groups/api/get-user-group-permissions';
import { useUserGroups } from '../../../features/user-groups/api/get-user-groups';
import { useGrantUserGroupPermission } from '../../../features/user-groups/api/grant-user-group-permission';
import { useRevokeUserGroupPermission } from '../../../features/user-groups/api/revoke-user-group-permission';
import { useSetMembers } from '../../../features/user-groups/api/set-members';
import { useSetUserGroupGlobalPermissions } from '../../../features/user-groups/api/set-user-group-global-permissions';
import { useUpdateUserGroup } from '../../../features/user-groups/api/update-user-group';
import { MemberPicker } from '../../../features/user-groups/components/member-picker';
import { UserGroupForm } from '../../../features/user-groups/components/user-group-form';
import { UserGroupsTable } from '../../../features/user-groups/components/user-groups-table';
import { useDebounced } from '../../../lib/use-debounced';
import { useSession } from '../../../features/auth/api/get-session';
import { useT } from '../../../lib/i18n';

const PAGE_SIZE = 50;

/** `/_admin/user_groups`: the groups I administer. */
export function AdminUserGroupsRoute() {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  // the server filters: one request per pause in typing, not per key
  const debouncedFilter = useDebounced(filter.trim(), 250);
  const query = useUserGroups({ page, size: PAGE_SIZE, filter: debouncedFilter || undefined, admin: true });
  // super-admins may create user groups; others are asked (the summary is large on big sites)
  const isAdmin = useSession().data?.user.admin ?? false;
  const access = useMyAccess({ enabled: !isAdmin });
  const mayCreate = isAdmin || (access.data ? mayCreateUserGroup(access.data.permissions) : false);
  const flash = useLocationFlash();
  return (
    <section>
      <header className="page-header">
        <h1>{t('userGroups.title')}</h1>
        <input
          className="quick-filter"
          type="search"
          aria-label={t('common.filter')}
          placeholder={t('common.filter')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
          }}
        />
        {mayCreate && (
          <Link className="button primary" to="/_admin/user_groups/new">
            {t('userGroups.add')}
          </Link>
        )}
      </header>
      <Flash message={flash} />
      <QueryState query={query}>
        {(data) =>
          data.total === 0 ? (
            <p className="empty-state">{t('userGroups.empty')}</p>
          ) : (
            <>
              <UserGroupsTable groups={data.items} />
              <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** `/_admin/user_groups/new`: super-admins and users with `hg.usergroup.create.true`. */
export function AdminUserGroupNewRoute() {
  const t = useT();
  const navigate = useNavigate();
  const access = useMyAccess();
  const create = useCreateUserGroup();
  return (
    <QueryState query={access}>
      {({ permissions }) =>
        !mayCreateUserGroup(permissions) ? (
          <ErrorPanel status={403} message={t('userGroups.mayNotCreate')} />
        ) : (
          <section className="narrow">
            <h1>{t('userGroups.newTitle')}</h1>
            <UserGroupForm
              submitting={create.isPending}
              serverError={create.error?.message}
              onSubmit={(values) =>
                create.mutate(values as CreateUserGroup, {
                  onSuccess: (group) => navigate(`/_admin/user_groups/${group.id}/edit`, { state: { flash: t('userGroups.created', { name: group.name }) } }),
                })
              }
            />
          </section>
        )
      }
    </QueryState>
  );
}

/** `/_admin/user_groups/{id}/edit…`: tabs for the group's administrators. */
export function AdminUserGroupEditLayout() {
  const t = useT();
  const id = Number(useParams()['id']);
  const query = useUserGroup(id);
  const base = `/_admin/user_groups/${id}/edit`;
  return (
    <QueryState query={query}>
      {(group) =>
        group.permission !== 'usergroup.admin' ? (
          <ErrorPanel status={403} message={t('userGroups.notAdmin', { name: group.name })} />
        ) : (
          <section>
            <header className="page-header">
              <h1>{t('userGroups.editTitle', { name: group.name })}</h1>
            </header>
            <TabNav
              label={t('userGroups.tabs')}
              tabs={[
                { to: base, label: t('userGroups.tabSettings') },
                { to: `${base}/members`, label: t('userGroups.tabMembers') },
                { to: `${base}/perms`, label: t('userGroups.tabPermissions') },
                { to: `${base}/default_perms`, label: t('userGroups.tabGlobal') },
                { to: `${base}/advanced`, label: t('userGroups.tabAdvanced') },
              ]}
            />
            <Outlet context={group} />
          </section>
        )
      }
    </QueryState>
  );
}

const useEditedGroup = () => useOutletContext<UserGroupDto>();

export function UserGroupSettingsTab() {
  const t = useT();
  const group = useEditedGroup();
  const update = useUpdateUserGroup(group.id);
  const locationFlash = useLocationFlash();
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('userGroups.saved', { name: update.data.name }) : locationFlash} />
      <UserGroupForm
        key={`${group.id}:${group.name}`}
        group={group}
        submitting={update.isPending}
        serverError={update.error?.message}
        onSubmit={(values) => update.mutate(values as UpdateUserGroup)}
      />
    </div>
  );
}

export function UserGroupMembersTab() {
  const t = useT();
  const group = useEditedGroup();
  const members = useMembers(group.id);
  const save = useSetMembers(group.id);
  return (
    <QueryState query={members}>
      {(data) => (
        <>
          <Flash message={save.isSuccess ? t('userGroups.membersSaved') : null} />
          <MemberPicker
            key={members.dataUpdatedAt}
            members={data.members}
            saving={save.isPending}
            serverError={save.error?.message}
            onSave={(ids) => save.mutate(ids)}
          />
        </>
      )}
    </QueryState>
  );
}

export function UserGroupPermissionsTab() {
  const group = useEditedGroup();
  const query = useUserGroupPermissions(group.id);
  const grant = useGrantUserGroupPermission(group.id);
  const revoke = useRevokeUserGroupPermission(group.id);
  return (
    <QueryState query={query}>
      {(data) => (
        <PermissionEditor
          family="usergroup"
          entries={data.entries}
          onSave={(changes) =>
            applyPermissionChanges(changes, (c) =>
              grant.mutateAsync({ subjectType: c.subject.type, subjectId: c.subject.id, permission: c.permission as UserGroupPermission }),
            )
          }
          onRevoke={(subject) => revoke.mutateAsync({ subjectType: subject.type, subjectId: subject.id })}
        />
      )}
    </QueryState>
  );
}

export function UserGroupGlobalTab() {
  const t = useT();
  const group = useEditedGroup();
  const query = useUserGroupGlobalPermissions(group.id);
  const save = useSetUserGroupGlobalPermissions(group.id);
  return (
    <div className="narrow">
      <h2>{t('permissions.globalTitle')}</h2>
      <QueryState query={query}>
        {(value) => (
          <GlobalPermissionsForm value={value} submitting={save.isPending} serverError={save.error?.message} saved={save.isSuccess} onSubmit={(v) => save.mutate(v)} />
        )}
      </QueryState>
    </div>
  );
}

export function UserGroupAdvancedTab() {
  const t = useT();
  const group = useEditedGroup();
  const navigate = useNavigate();
  const remove = useDeleteUserGroup(group.id);
  const [force, setForce] = useState(false);
  return (
    <div className="narrow">
      <dl className="facts">
        <dt>{t('common.owner')}</dt>
        <dd>{group.owner}</dd>
        <dt>{t('userGroups.members')}</dt>
        <dd>{group.memberCount}</dd>
        <dt>{t('userGroups.createdOn')}</dt>
        <dd>
          <Age date={group.createdOn} />
        </dd>
      </dl>
      <h2>{t('userGroups.deleteTitle')}</h2>
      <label className="checkbox">
        <input type="checkbox" name="force" checked={force} onChange={(e) => setForce(e.target.checked)} />
        <span>{t('userGroups.force')}</span>
      </label>
      <div className="actions">
        <ConfirmButton
          label={t('userGroups.delete')}
          question={t('userGroups.deleteQuestion', { name: group.name })}
          disabled={remove.isPending}
          onConfirm={() =>
            remove.mutate(force, { onSuccess: () => navigate('/_admin/user_groups', { state: { flash: t('userGroups.deleted', { name: group.name }) } }) })
          }
        />
      </div>
      <FormError message={remove.error?.message} />
    </div>
  );
}
