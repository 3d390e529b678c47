import { Outlet } from 'react-router';
import { Flash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { useDefaultPermissions } from '../../../features/admin/api/get-default-permissions';
import { useUpdateDefaultPermissions } from '../../../features/admin/api/update-default-permissions';
import { DefaultPermissionsForm } from '../../../features/admin/components/default-permissions-form';
import { IpAllowListPanel } from '../../../features/credentials/components/ip-allowlist-panel';
import { useT } from '../../../lib/i18n';

/** `/_admin/permissions…`: default permissions and the global IP allow-list (super-admins). */
export function AdminPermissionsLayout() {
  const t = useT();
  return (
    <section>
      <header className="page-header">
        <h1>{t('defaults.title')}</h1>
      </header>
      <TabNav
        label={t('defaults.tabs')}
        tabs={[
          { to: '/_admin/permissions', label: t('defaults.tabGlobal') },
          { to: '/_admin/permissions/ips', label: t('defaults.tabIps') },
        ]}
      />
      <Outlet />
    </section>
  );
}

export function DefaultPermissionsTab() {
  const t = useT();
  const query = useDefaultPermissions();
  const update = useUpdateDefaultPermissions();
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('defaults.saved') : null} />
      <QueryState query={query}>
        {(value) => (
          <DefaultPermissionsForm
            key={query.dataUpdatedAt}
            value={value}
            submitting={update.isPending}
            serverError={update.error?.message}
            onSubmit={(body) => update.mutate(body)}
          />
        )}
      </QueryState>
    </div>
  );
}

export function GlobalIpsTab() {
  return <IpAllowListPanel owner={{ kind: 'global' }} />;
}
