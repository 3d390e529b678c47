import { useState } from 'react';
import { Link } from 'react-router';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { useUsers } from '../../../features/users/api/get-users';
import { UsersTable } from '../../../features/users/components/users-table';
import { useDebounced } from '../../../lib/use-debounced';
import { useT } from '../../../lib/i18n';

const PAGE_SIZE = 50;

export function AdminUsersRoute() {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  // the server filters: one request per pause in typing, not per key
  const debouncedFilter = useDebounced(filter.trim(), 250);
  const query = useUsers({ page, size: PAGE_SIZE, filter: debouncedFilter || undefined });
  const flash = useLocationFlash();
  return (
    <section>
      <header className="page-header">
        <h1>{t('admin.users.title')}</h1>
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
        <Link className="button primary" to="/_admin/users/new">
          {t('admin.users.add')}
        </Link>
      </header>
      <Flash message={flash} />
      <QueryState query={query}>
        {(data) => (
          <>
            <UsersTable users={data.items} />
            <Pager page={page} size={PAGE_SIZE} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </section>
  );
}
