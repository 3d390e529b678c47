import { useState } from 'react';
import { Link } from 'react-router';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { repoGroupLocations } from '../../../features/permissions/effective';
import { useMyAccess } from '../../../features/permissions/use-my-access';
import { useRepoGroups } from '../../../features/repo-groups/api/get-repo-groups';
import { RepoGroupsTable } from '../../../features/repo-groups/components/repo-groups-table';
import { useDebounced } from '../../../lib/use-debounced';
import { useSession } from '../../../features/auth/api/get-session';
import { useT } from '../../../lib/i18n';

const PAGE_SIZE = 50;

/** `/_admin/repo_groups`: the groups I administer. */
export function AdminRepoGroupsRoute() {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  // the server filters: one request per pause in typing, not per key
  const debouncedFilter = useDebounced(filter.trim(), 250);
  const query = useRepoGroups({ page, size: PAGE_SIZE, filter: debouncedFilter || undefined });
  // super-admins may create anywhere; others are asked (the summary is large on big sites)
  const isAdmin = useSession().data?.user.admin ?? false;
  const access = useMyAccess({ enabled: !isAdmin });
  const flash = useLocationFlash();
  const mayCreate = isAdmin || (access.data ? repoGroupLocations(access.data.summary, access.data.permissions).length > 0 : false);
  return (
    <section>
      <header className="page-header">
        <h1>{t('repoGroups.title')}</h1>
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
          <Link className="button primary" to="/_admin/repo_groups/new">
            {t('home.addGroup')}
          </Link>
        )}
      </header>
      <Flash message={flash} />
      <QueryState query={query}>
        {(data) =>
          data.total === 0 ? (
            <p className="empty-state">{t('repoGroups.empty')}</p>
          ) : (
            <>
              <RepoGroupsTable groups={data.items} />
              <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
