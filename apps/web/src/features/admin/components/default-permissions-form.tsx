import {
  REPO_GROUP_PERMISSIONS,
  REPOSITORY_PERMISSIONS,
  updateDefaultPermissionsSchema,
  USER_GROUP_PERMISSIONS,
  type DefaultPermissions,
  type UpdateDefaultPermissions,
} from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT, type Translate } from '../../../lib/i18n';
import type { MessageKey } from '../../../locales/en';

type Choice = readonly [value: string, label: MessageKey];

const LEVEL_LABEL: Record<string, MessageKey> = {
  none: 'permissions.levelNone',
  read: 'permissions.levelRead',
  write: 'permissions.levelWrite',
  admin: 'permissions.levelAdmin',
};
const levels = (names: readonly string[]): Choice[] => names.map((n) => [n, LEVEL_LABEL[n.slice(n.indexOf('.') + 1)]!] as const);

const CHOICES = {
  register: [
    ['hg.register.none', 'defaults.registerNone'],
    ['hg.register.manual_activate', 'defaults.registerManual'],
    ['hg.register.auto_activate', 'defaults.registerAuto'],
  ],
  externActivate: [
    ['hg.extern_activate.manual', 'defaults.externManual'],
    ['hg.extern_activate.auto', 'defaults.externAuto'],
  ],
  createRepository: [
    ['hg.create.none', 'common.disabled'],
    ['hg.create.repository', 'common.enabled'],
  ],
  createOnWriteRepoGroup: [
    ['hg.create.write_on_repogroup.false', 'common.disabled'],
    ['hg.create.write_on_repogroup.true', 'common.enabled'],
  ],
  createUserGroup: [
    ['hg.usergroup.create.false', 'common.disabled'],
    ['hg.usergroup.create.true', 'common.enabled'],
  ],
  fork: [
    ['hg.fork.none', 'common.disabled'],
    ['hg.fork.repository', 'common.enabled'],
  ],
} as const satisfies Record<string, readonly Choice[]>;

type Values = DefaultPermissions & { applyToAllRepositories: boolean; applyToAllRepoGroups: boolean; applyToAllUserGroups: boolean };

function Select({ name, label, value, choices, t, onChange }: { name: string; label: string; value: string; choices: readonly Choice[]; t: Translate; onChange: (v: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {t(l)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The default permissions form (web-ui.md §2.8, permissions.md §3–§4), with "apply to all existing" per object kind. */
export function DefaultPermissionsForm({
  value,
  submitting,
  serverError,
  onSubmit,
}: {
  value: DefaultPermissions;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: UpdateDefaultPermissions) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<Values>({ ...value, applyToAllRepositories: false, applyToAllRepoGroups: false, applyToAllUserGroups: false });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Values, v: string | boolean) => setValues((old) => ({ ...old, [key]: v }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateDefaultPermissionsSchema.safeParse(values);
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  const apply = (key: 'applyToAllRepositories' | 'applyToAllRepoGroups' | 'applyToAllUserGroups', label: string) => (
    <label className="checkbox">
      <input type="checkbox" name={key} checked={values[key]} onChange={(e) => set(key, e.target.checked)} />
      <span>{label}</span>
    </label>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('defaults.title')}>
      <label className="checkbox">
        <input type="checkbox" name="anonymousAccess" checked={values.anonymousAccess} onChange={(e) => set('anonymousAccess', e.target.checked)} />
        <span>{t('defaults.anonymousAccess')}</span>
      </label>
      <p className="muted">{t('defaults.anonymousHelp')}</p>
      <fieldset>
        <legend>{t('defaults.objects')}</legend>
        <Select
          name="defaultRepoPermission"
          label={t('defaults.repository')}
          value={values.defaultRepoPermission}
          choices={levels(REPOSITORY_PERMISSIONS)}
          t={t}
          onChange={(v) => set('defaultRepoPermission', v)}
        />
        {apply('applyToAllRepositories', t('defaults.applyRepositories'))}
        <Select
          name="defaultRepoGroupPermission"
          label={t('defaults.repoGroup')}
          value={values.defaultRepoGroupPermission}
          choices={levels(REPO_GROUP_PERMISSIONS)}
          t={t}
          onChange={(v) => set('defaultRepoGroupPermission', v)}
        />
        {apply('applyToAllRepoGroups', t('defaults.applyRepoGroups'))}
        <Select
          name="defaultUserGroupPermission"
          label={t('defaults.userGroup')}
          value={values.defaultUserGroupPermission}
          choices={levels(USER_GROUP_PERMISSIONS)}
          t={t}
          onChange={(v) => set('defaultUserGroupPermission', v)}
        />
        {apply('applyToAllUserGroups', t('defaults.applyUserGroups'))}
      </fieldset>
      <fieldset>
        <legend>{t('defaults.globals')}</legend>
        <Select name="register" label={t('defaults.register')} value={values.register} choices={CHOICES.register} t={t} onChange={(v) => set('register', v)} />
        <Select
          name="externActivate"
          label={t('defaults.externActivate')}
          value={values.externActivate}
          choices={CHOICES.externActivate}
          t={t}
          onChange={(v) => set('externActivate', v)}
        />
        <Select
          name="createRepository"
          label={t('defaults.createRepository')}
          value={values.createRepository}
          choices={CHOICES.createRepository}
          t={t}
          onChange={(v) => set('createRepository', v)}
        />
        <Select
          name="createOnWriteRepoGroup"
          label={t('defaults.createOnWrite')}
          value={values.createOnWriteRepoGroup}
          choices={CHOICES.createOnWriteRepoGroup}
          t={t}
          onChange={(v) => set('createOnWriteRepoGroup', v)}
        />
        <Select
          name="createUserGroup"
          label={t('defaults.createUserGroup')}
          value={values.createUserGroup}
          choices={CHOICES.createUserGroup}
          t={t}
          onChange={(v) => set('createUserGroup', v)}
        />
        <Select name="fork" label={t('defaults.fork')} value={values.fork} choices={CHOICES.fork} t={t} onChange={(v) => set('fork', v)} />
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
