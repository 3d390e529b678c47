import type { RepoDetail, RepositoryPermission } from '@grove/shared';
import { useNavigate } from 'react-router';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { applyPermissionChanges, PermissionEditor } from '../../../features/permissions/components/permission-editor';
import { repositoryLocations, type GroupChoice } from '../../../features/permissions/effective';
import { useMyAccess } from '../../../features/permissions/use-my-access';
import { useRepo } from '../../../features/repos/api/get-repo';
import { useRepoPermissions } from '../../../features/repos/api/get-repo-permissions';
import { useGrantRepoPermission } from '../../../features/repos/api/grant-repo-permission';
import { useRevokeRepoPermission } from '../../../features/repos/api/revoke-repo-permission';
import { useUpdateRepo } from '../../../features/repos/api/update-repo';
import { RepoAdvanced } from '../../../features/repos/components/repo-advanced';
import { RepoFieldsPanel } from '../../../features/repos/components/repo-fields-panel';
import { RepoRemotePanel } from '../../../features/repos/components/repo-remote-panel';
import { StatisticsSettingsPanel } from '../../../features/statistics/components/statistics-settings-panel';
import { landingChoicesOf, RepoSettingsForm } from '../../../features/repos/components/repo-settings-form';
import { useRefs } from '../../../features/repo-browse/api/browse-api';
import { useT } from '../../../lib/i18n';
import { parentName, repoSettingsUrl, type RepoSettingsTab } from '../../../lib/paths';

/** `/{repo}/settings…`: the repository's admin tabs; readers who are not admins get the 403 panel. */
export function RepoSettingsPage({ name, tab }: { name: string; tab: RepoSettingsTab }) {
  const t = useT();
  const query = useRepo(name);
  return (
    <QueryState query={query}>
      {(repo) =>
        repo.permission !== 'repository.admin' ? (
          <ErrorPanel status={403} message={t('repos.notAdmin', { name: repo.name })} />
        ) : (
          <section>
            <header className="page-header">
              <h1>
                <span className={`type-label ${repo.type}`}>{repo.type}</span> <Breadcrumbs name={repo.name} linkLast last={t('repos.settings')} />
              </h1>
            </header>
            <TabNav
              label={t('repos.tabs')}
              tabs={[
                { to: repoSettingsUrl(repo.name), label: t('repos.tabSettings') },
                { to: repoSettingsUrl(repo.name, 'permissions'), label: t('repos.tabPermissions') },
                { to: repoSettingsUrl(repo.name, 'advanced'), label: t('repos.tabAdvanced') },
                { to: repoSettingsUrl(repo.name, 'fields'), label: t('repos.tabFields') },
                { to: repoSettingsUrl(repo.name, 'remote'), label: t('repos.tabRemote') },
                { to: repoSettingsUrl(repo.name, 'statistics'), label: t('repos.tabStatistics') },
              ]}
            />
            {tab === 'settings' && <RepoSettingsTab repo={repo} />}
            {tab === 'permissions' && <RepoPermissionsTab repo={repo} />}
            {tab === 'advanced' && <RepoAdvanced repo={repo} />}
            {tab === 'fields' && <RepoFieldsPanel repo={repo} />}
            {tab === 'remote' && <RepoRemotePanel repo={repo} />}
            {tab === 'statistics' && <StatisticsSettingsPanel repo={repo} />}
          </section>
        )
      }
    </QueryState>
  );
}

/** Where the repository may go: groups the user may create in, its current group always. */
export function repoMoveTargets(repo: RepoDetail, allowed: GroupChoice[]): GroupChoice[] {
  const current = parentName(repo.name) ?? '';
  const targets = [...allowed];
  if (!targets.some((c) => c.name === current)) targets.push({ id: repo.group?.id ?? null, name: current });
  return targets.sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : a.name.localeCompare(b.name)));
}

function RepoSettingsTab({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const access = useMyAccess();
  const update = useUpdateRepo(repo.id);
  const refs = useRefs(`_${repo.id}`);
  const locationFlash = useLocationFlash();
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('repos.saved', { name: update.data.name }) : locationFlash} />
      <QueryState query={access}>
        {({ summary, permissions }) => (
          <RepoSettingsForm
            key={`${repo.id}:${repo.name}`}
            repo={repo}
            locations={repoMoveTargets(repo, repositoryLocations(summary, permissions))}
            landingChoices={landingChoicesOf(refs.data)}
            submitting={update.isPending}
            serverError={update.error?.message}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: (updated) => {
                  if (updated.name !== repo.name) navigate(repoSettingsUrl(updated.name), { state: { flash: t('repos.saved', { name: updated.name }) } });
                },
              })
            }
          />
        )}
      </QueryState>
    </div>
  );
}

function RepoPermissionsTab({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const query = useRepoPermissions(repo.id);
  const grant = useGrantRepoPermission(repo.id);
  const revoke = useRevokeRepoPermission(repo.id);
  return (
    <QueryState query={query}>
      {(data) => (
        <>
          {repo.private && <p className="muted">{t('repos.privateHidesDefault')}</p>}
          <PermissionEditor
            family="repository"
            entries={data.entries}
            hideDefault={repo.private}
            onSave={(changes) =>
              applyPermissionChanges(changes, (c) =>
                grant.mutateAsync({ subjectType: c.subject.type, subjectId: c.subject.id, permission: c.permission as RepositoryPermission }),
              )
            }
            onRevoke={(subject) => revoke.mutateAsync({ subjectType: subject.type, subjectId: subject.id })}
          />
        </>
      )}
    </QueryState>
  );
}
