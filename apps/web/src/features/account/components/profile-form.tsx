import { updateProfileSchema, type CurrentUser, type UpdateProfile } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';

/** My names and primary e-mail; the username is shown but not editable here. */
export function ProfileForm({
  user,
  submitting,
  serverError,
  onSubmit,
}: {
  user: CurrentUser;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: UpdateProfile) => void;
}) {
  const t = useT();
  const [firstname, setFirstname] = useState(user.firstname);
  const [lastname, setLastname] = useState(user.lastname);
  const [email, setEmail] = useState(user.email ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateProfileSchema.safeParse({ firstname, lastname, email });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('account.profile')}>
      <label className="field">
        <span>{t('admin.users.username')}</span>
        <input name="username" value={user.username} readOnly />
      </label>
      <label className="field">
        <span>{t('admin.users.firstname')}</span>
        <input name="firstname" value={firstname} onChange={(e) => setFirstname(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.users.lastname')}</span>
        <input name="lastname" value={lastname} onChange={(e) => setLastname(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.users.email')}</span>
        <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
