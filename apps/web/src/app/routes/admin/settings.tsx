import { Outlet } from 'react-router';
import { Flash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { TabNav } from '../../../components/ui/tab-nav';
import { useSiteSettings } from '../../../features/admin/api/get-site-settings';
import { useUpdateSiteSettings } from '../../../features/admin/api/update-site-settings';
import { HooksPanel } from '../../../features/admin/components/hooks-panel';
import { RepoScanPanel } from '../../../features/admin/components/repo-scan-panel';
import { SiteSettingsForm } from '../../../features/admin/components/site-settings-form';
import { useT } from '../../../lib/i18n';

/** `/_admin/settings…`: site settings and "Remap and rescan" (super-admins). */
export function AdminSettingsLayout() {
  const t = useT();
  return (
    <section>
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <TabNav
        label={t('settings.tabs')}
        tabs={[
          { to: '/_admin/settings', label: t('settings.tabSettings') },
          { to: '/_admin/settings/mapping', label: t('settings.tabMapping') },
          { to: '/_admin/settings/hooks', label: t('settings.tabHooks') },
        ]}
      />
      <Outlet />
    </section>
  );
}

export function SiteSettingsTab() {
  const t = useT();
  const query = useSiteSettings();
  const update = useUpdateSiteSettings();
  return (
    <div className="narrow">
      <Flash message={update.isSuccess ? t('settings.saved') : null} />
      <QueryState query={query}>
        {(value) => (
          <SiteSettingsForm
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

export function RepoScanTab() {
  return <RepoScanPanel />;
}

export function HooksTab() {
  return <HooksPanel />;
}
