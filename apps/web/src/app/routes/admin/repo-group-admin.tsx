import { mayChangeRepoGroupEntryOfUser, type CreateRepoGroup, type RepoGroupDto, type RepoGroupPermission, type UpdateRepoGroup } from '@grove/shared';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Age } from '../../../components/ui/age';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Flash, FormError, useLocationFlash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { BrowseView } from '../../../features/browse/components/browse-view';
import { applyPermissionChanges, PermissionEditor } from '../../../features/permissions/components/permission-editor';
import { repoGroupLocations, type GroupChoice } from '../../../features/permissions/effective';
import { useMyAccess } from '../../../features/permissions/use-my-access';
import { useCreateRepoGroup } from '../../../features/repo-groups/api/create-repo-group';
import { useDeleteRepoGroup } from '../../../features/repo-groups/api/delete-repo-group';
import { useRepoGroup } from '../../../features/repo-groups/api/get-repo-group';
import { useRepoGroupPermissions } from '../../../features/repo-groups/api/get-repo-group-permissions';
import { useGrantRepoGroupPermission } from '../../../features/repo-groups/api/grant-repo-group-permission';
import { useRevokeRepoGroupPermission } from '../../../features/repo-groups/api/revoke-repo-group-permission';
import { useUpdateRepoGroup } from '../../../features/repo-groups/api/update-repo-group';
import { RepoGroupForm } from '../../../features/repo-groups/components/repo-group-form';
import { useT } from '../../../lib/i18n';
import { parentName, parseRepoGroupAdminPath, repoGroupEditUrl, type RepoGroupTab } from '../../../lib/paths';
import { RequireUser } from '../../require-user';
import { NotFoundRoute } from '../not-found';

/** `/_admin/repo_groups/{rest}`: `new`, `{group}/edit[/{tab}]`, or (as in Kallithea) the group page `{group}`. */
export function AdminRepoGroupPathRoute() {
  const parsed = parseRepoGroupAdminPath(useParams()['*'] ?? '');
  switch (parsed.kind) {
    case 'new':
      return (
        <RequireUser>
          <RepoGroupNewPage />
        </RequireUser>
      );
    case 'edit':
      return (
        <RequireUser>
          <RepoGroupEditPage key={parsed.group} name={parsed.group} tab={parsed.tab} />
        </RequireUser>
      );
    case 'page':
      return <BrowseView key={parsed.group} group={parsed.group} />;
    default:
      return <NotFoundRoute />;
  }
}

/** `/_admin/repo_groups/new?parent_group={id}`: parents are where the user may create groups (403 when nowhere). */
function RepoGroupNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const access = useMyAccess();
  const create = useCreateRepoGroup();
  const parentId = Number(params.get('parent_group'));
  return (
    <QueryState query={access}>
      {({ summary, permissions }) => {
        const parents = repoGroupLocations(summary, permissions);
        if (parents.length === 0) return <ErrorPanel status={403} message={t('repoGroups.mayNotCreate')} />;
        const initial = parents.find((p) => p.id === parentId)?.name ?? parents[0]!.name;
        return (
          <section className="narrow">
            <h1>{t('repoGroups.newTitle')}</h1>
            <RepoGroupForm
              parents={parents}
              initialParent={initial}
              submitting={create.isPending}
              serverError={create.error?.message}
              onSubmit={(values) =>
                create.mutate(values as CreateRepoGroup, {
                  onSuccess: (group) => navigate(`/${group.name}`, { state: { flash: t('repoGroups.created', { name: group.name }) } }),
                })
              }
            />
          </section>
        );
      }}
    </QueryState>
  );
}

/** `/_admin/repo_groups/{group}/edit…`: tabs for the group's administrators (403 for others). */
function RepoGroupEditPage({ name, tab }: { name: string; tab: RepoGroupTab }) {
  const t = useT();
  const query = useRepoGroup(name);
  return (
    <QueryState query={query}>
      {(group) =>
        group.permission !== 'group.admin' ? (
          <ErrorPanel status={403} message={t('repoGroups.notAdmin', { name: group.name })} />
        ) : (
          <section>
            <header className="page-header">
              <h1>
                <Breadcrumbs name={group.name} linkLast last={t('repoGroups.editCrumb')} />
              </h1>
            </header>
            <TabNav
              label={t('repoGroups.tabs')}
              tabs={[
                { to: repoGroupEditUrl(group.name), label: t('repoGroups.tabSettings') },
                { to: repoGroupEditUrl(group.name, 'permissions'), label: t('repoGroups.tabPermissions') },
                { to: repoGroupEditUrl(group.name, 'advanced'), label: t('repoGroups.tabAdvanced') },
              ]}
            />
            {tab === 'settings' && <RepoGroupSettingsTab group={group} />}
            {tab === 'permissions' && <RepoGroupPermissionsTab group={group} />}
            {tab === 'advanced' && <RepoGroupAdvancedTab group={group} />}
          </section>
        )
      }
    </QueryState>
  );
}

/** Allowed parents for moving `group`: never itself or inside itself; its current parent always. */
export function moveTargets(group: RepoGroupDto, allowed: GroupChoice[]): GroupChoice[] {
  const inside = (candidate: string) => candidate === group.name || candidate.startsWith(`${group.name}/`);
  const targets = allowed.filter((c) => !inside(c.name));
  const current = parentName(group.name) ?? '';
  if (!targets.some((c) => c.name === current)) targets.push({ id: group.parentId, name: current });
  return targets.sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : a.name.localeCompare(b.name)));
}

function RepoGroupSettingsTab({ group }: { group: RepoGroupDto }) {
  const t = useT();
  const navigate = useNavigate();
  const access = useMyAccess();
  const update = useUpdateRepoGroup(group.id);
  const locationFlash = useLocationFlash();
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('repoGroups.saved', { name: update.data.name }) : locationFlash} />
      <QueryState query={access}>
        {({ summary, permissions }) => (
          <RepoGroupForm
            key={`${group.id}:${group.name}`}
            group={group}
            parents={moveTargets(group, repoGroupLocations(summary, permissions))}
            submitting={update.isPending}
            serverError={update.error?.message}
            onSubmit={(values) =>
              update.mutate(values as UpdateRepoGroup, {
                onSuccess: (updated) => {
                  if (updated.name !== group.name) navigate(repoGroupEditUrl(updated.name), { state: { flash: t('repoGroups.saved', { name: updated.name }) } });
                },
              })
            }
          />
        )}
      </QueryState>
    </div>
  );
}

function RepoGroupPermissionsTab({ group }: { group: RepoGroupDto }) {
  const query = useRepoGroupPermissions(group.id);
  const access = useMyAccess();
  const grant = useGrantRepoGroupPermission(group.id);
  const revoke = useRevokeRepoGroupPermission(group.id);
  const permissions = access.data?.permissions;
  return (
    <QueryState query={query}>
      {(data) => (
        <PermissionEditor
          family="group"
          entries={data.entries}
          withRecursion
          // a group admin who is not a super-admin cannot change their own entry (permissions.md §12)
          canChange={(s) => s.type !== 'user' || !permissions || mayChangeRepoGroupEntryOfUser(permissions, s.id, 'web')}
          onSave={(changes, recursive) =>
            applyPermissionChanges(changes, (c) =>
              grant.mutateAsync({ subjectType: c.subject.type, subjectId: c.subject.id, permission: c.permission as RepoGroupPermission, recursive }),
            )
          }
          onRevoke={(subject, recursive) => revoke.mutateAsync({ subjectType: subject.type, subjectId: subject.id, recursive })}
        />
      )}
    </QueryState>
  );
}

function RepoGroupAdvancedTab({ group }: { group: RepoGroupDto }) {
  const t = useT();
  const navigate = useNavigate();
  const remove = useDeleteRepoGroup(group.id);
  const parent = parentName(group.name);
  return (
    <div className="narrow">
      <dl className="facts">
        <dt>{t('common.owner')}</dt>
        <dd>{group.owner}</dd>
        <dt>{t('repoGroups.repositoryCount')}</dt>
        <dd>{group.repositoryCount}</dd>
        <dt>{t('repoGroups.subGroupCount')}</dt>
        <dd>{group.subGroupCount}</dd>
        <dt>{t('repoGroups.createdOn')}</dt>
        <dd>
          <Age date={group.createdOn} />
        </dd>
      </dl>
      <h2>{t('repoGroups.deleteTitle')}</h2>
      <p className="muted">{t('repoGroups.deleteHelp')}</p>
      <ConfirmButton
        label={t('repoGroups.delete')}
        question={t('repoGroups.deleteQuestion', { name: group.name, repos: group.repositoryCount })}
        disabled={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => navigate(parent ? `/${parent}` : '/_admin/repo_groups', { state: { flash: t('repoGroups.deleted', { name: group.name }) } }),
          })
        }
      />
      <FormError message={remove.error?.message} />
    </div>
  );
}
