import { useState } from 'react';
import { Link } from 'react-router';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { useDebounced } from '../../../lib/use-debounced';
import { useT } from '../../../lib/i18n';
import { repoGroupEditUrl } from '../../../lib/paths';
import { useSession } from '../../auth/api/get-session';
import { useBrowse } from '../api/get-browse';
import { RepositoryGrid } from './repository-grid';

const PAGE_SIZE = 100;

/**
 * The home page (no group) or a repository group page: only what the viewer may read, filtered
 * and paged by the server (100 per page), with Add/Edit buttons where the server says they apply.
 */
export function BrowseView({ group }: { group?: string }) {
  const t = useT();
  const session = useSession();
  const isAdmin = session.data?.user.admin ?? false;
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  // the server filters: one request per pause in typing, not per key
  const debouncedFilter = useDebounced(filter.trim(), 250);
  const query = useBrowse({ group, filter: debouncedFilter || undefined, page, size: PAGE_SIZE });
  const flash = useLocationFlash();

  return (
    <section>
      <QueryState query={query}>
        {(data) => {
          const parentQuery = data.group ? `?parent_group=${data.group.id}` : '';
          return (
            <>
              <header className="page-header">
                {data.group ? (
                  <h1>
                    <Link to="/">{t('nav.home')}</Link>
                    {data.group.parents.map((p) => (
                      <span key={p.id}>
                        {' » '}
                        <Link to={`/${p.name}`}>{p.shortName}</Link>
                      </span>
                    ))}
                    {' » '}
                    {data.group.name.split('/').pop()}
                  </h1>
                ) : (
                  <h1>{t('home.title')}</h1>
                )}
                <input
                  className="quick-filter"
                  type="search"
                  placeholder={t('home.filterPlaceholder')}
                  aria-label={t('common.filter')}
                  value={filter}
                  onChange={(e) => {
                    setFilter(e.target.value);
                    setPage(1);
                  }}
                />
                {data.canCreateRepository && (
                  <Link className="button primary" to={`/_admin/create_repository${parentQuery}`}>
                    {t('home.addRepository')}
                  </Link>
                )}
                {data.canCreateGroup && (
                  <Link className="button" to={`/_admin/repo_groups/new${parentQuery}`}>
                    {t('home.addGroup')}
                  </Link>
                )}
                {/* inside a group, "may create a sub-group" is exactly "administers the group" */}
                {data.group && data.canCreateGroup && (
                  <Link className="button" to={repoGroupEditUrl(data.group.name)}>
                    {t('home.editGroup')}
                  </Link>
                )}
              </header>
              <Flash message={flash} />
              {data.group?.description && <p className="description">{data.group.description}</p>}
              {data.groups.length === 0 && data.repositories.total === 0 ? (
                <p className="empty-state">
                  {filter ? t('home.emptyFiltered', { filter }) : isAdmin || data.canCreateRepository ? t('home.emptyAdmin') : t('home.emptyUser')}
                </p>
              ) : (
                <>
                  <RepositoryGrid data={data} />
                  <Pager page={page} size={PAGE_SIZE} total={data.repositories.total} onPage={setPage} />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
