import { useNavigate, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { QueryState } from '../../../components/ui/query-state';
import { useSiteSettings } from '../../../features/admin/api/get-site-settings';
import { repositoryLocations } from '../../../features/permissions/effective';
import { useMyAccess } from '../../../features/permissions/use-my-access';
import { useCreateRepo } from '../../../features/repos/api/create-repo';
import { CreateRepoForm } from '../../../features/repos/components/create-repo-form';
import { useT } from '../../../lib/i18n';

/** `/_admin/create_repository?parent_group={id}`: groups are where the user may create (403 when nowhere). */
export function CreateRepositoryRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const access = useMyAccess();
  // Only super-admins may read the repository defaults; others get "site default" choices.
  const isAdmin = access.data?.user.admin ?? false;
  const settings = useSiteSettings({ enabled: isAdmin });
  const create = useCreateRepo();
  const parentId = Number(params.get('parent_group'));
  return (
    <QueryState query={access}>
      {({ summary, permissions }) => {
        const locations = repositoryLocations(summary, permissions);
        if (locations.length === 0) return <ErrorPanel status={403} message={t('repos.mayNotCreate')} />;
        if (isAdmin && settings.isPending) return <p className="loading">{t('common.loading')}</p>;
        const initial = locations.find((l) => l.id === parentId)?.name ?? locations[0]!.name;
        return (
          <section className="narrow">
            <h1>{t('repos.newTitle')}</h1>
            <CreateRepoForm
              locations={locations}
              initialGroup={initial}
              defaults={settings.data}
              submitting={create.isPending}
              serverError={create.error?.message}
              onSubmit={(body) =>
                create.mutate(body, { onSuccess: (repo) => navigate(`/${repo.name}`, { state: { flash: t('repos.created', { name: repo.name }) } }) })
              }
            />
          </section>
        );
      }}
    </QueryState>
  );
}
