import { changePasswordSchema, type ChangePassword } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';

/** Current password + new password twice; fields are cleared after every attempt. */
export function PasswordForm({
  submitting,
  serverError,
  onSubmit,
}: {
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: ChangePassword, reset: () => void) => void;
}) {
  const t = useT();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setCurrent('');
    setNew('');
    setConfirm('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) {
      setError(t('admin.users.passwordsDiffer'));
      return;
    }
    const parsed = changePasswordSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data, reset);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('account.password')}>
      <label className="field">
        <span>{t('account.currentPassword')}</span>
        <input name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('account.newPassword')}</span>
        <input name="newPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.users.passwordConfirm')}</span>
        <input name="passwordConfirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
