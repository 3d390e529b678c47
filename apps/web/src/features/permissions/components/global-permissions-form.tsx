import { subjectGlobalPermissionsSchema, type SubjectGlobalPermissions } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';

const FLAGS = [
  ['createRepository', 'permissions.globalCreateRepository'],
  ['createUserGroup', 'permissions.globalCreateUserGroup'],
  ['fork', 'permissions.globalFork'],
] as const;

/** A user's or user group's own global permissions; they can only add to what the default user has. */
export function GlobalPermissionsForm({
  value,
  submitting,
  serverError,
  saved,
  onSubmit,
}: {
  value: SubjectGlobalPermissions;
  submitting: boolean;
  serverError?: string | null;
  saved?: boolean;
  onSubmit: (value: SubjectGlobalPermissions) => void;
}) {
  const t = useT();
  const [flags, setFlags] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(subjectGlobalPermissionsSchema.parse(flags));
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('permissions.globalTitle')}>
      <p className="muted">{t('permissions.globalHelp')}</p>
      {FLAGS.map(([key, label]) => (
        <label key={key} className="checkbox">
          <input type="checkbox" name={key} checked={flags[key]} onChange={(e) => setFlags((f) => ({ ...f, [key]: e.target.checked }))} />
          <span>{t(label)}</span>
        </label>
      ))}
      <FormError message={serverError} />
      {saved && (
        <p className="flash success" role="status">
          {t('permissions.saved')}
        </p>
      )}
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
