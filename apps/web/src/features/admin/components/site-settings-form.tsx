import { updateSiteSettingsSchema, type SiteSettings, type UpdateSiteSettings } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';

type TextKey = 'title' | 'realm' | 'gravatarUrl' | 'cloneUriTemplate' | 'cloneSshTemplate';
type FlagKey = 'repositoryFields' | 'useGravatar' | 'defaultRepoPrivate' | 'defaultRepoEnableStatistics' | 'defaultRepoEnableDownloads' | 'cloneUriAllowLocal' | 'pushToCreate';

/** Site settings: global (title, realm), visual (fields, avatars, clone URL templates), repository defaults, import safety. */
export function SiteSettingsForm({
  value,
  submitting,
  serverError,
  onSubmit,
}: {
  value: SiteSettings;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: UpdateSiteSettings) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<SiteSettings>(value);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof SiteSettings>(key: K, v: SiteSettings[K]) => setValues((old) => ({ ...old, [key]: v }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateSiteSettingsSchema.safeParse(values);
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  const text = (key: TextKey, label: string, help?: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} />
      {help && <small className="muted">{help}</small>}
    </label>
  );
  const flag = (key: FlagKey, label: string) => (
    <label className="checkbox">
      <input type="checkbox" name={key} checked={values[key]} onChange={(e) => set(key, e.target.checked)} />
      <span>{label}</span>
    </label>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('settings.title')}>
      <fieldset>
        <legend>{t('settings.global')}</legend>
        {text('title', t('settings.siteTitle'))}
        {text('realm', t('settings.realm'))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.visual')}</legend>
        {flag('repositoryFields', t('settings.repositoryFields'))}
        {flag('useGravatar', t('settings.useGravatar'))}
        {text('gravatarUrl', t('settings.gravatarUrl'))}
        {text('cloneUriTemplate', t('settings.cloneUriTemplate'), t('settings.cloneUriTemplateHelp'))}
        {text('cloneSshTemplate', t('settings.cloneSshTemplate'))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.repoDefaults')}</legend>
        <label className="field">
          <span>{t('repos.type')}</span>
          <select name="defaultRepoType" value={values.defaultRepoType} onChange={(e) => set('defaultRepoType', e.target.value as SiteSettings['defaultRepoType'])}>
            <option value="hg">{t('repos.typeHg')}</option>
            <option value="git">{t('repos.typeGit')}</option>
          </select>
        </label>
        {flag('defaultRepoPrivate', t('repos.private'))}
        {flag('defaultRepoEnableStatistics', t('repos.enableStatistics'))}
        {flag('defaultRepoEnableDownloads', t('repos.enableDownloads'))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.imports')}</legend>
        {flag('cloneUriAllowLocal', t('settings.cloneUriAllowLocal'))}
        {flag('pushToCreate', t('settings.pushToCreate'))}
      </fieldset>
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
