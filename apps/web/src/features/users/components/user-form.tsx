import { createUserRequestSchema, updateUserRequestSchema, UserSummary } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { useT } from '../../../lib/i18n';

export interface UserFormValues {
  username: string;
  firstname: string;
  lastname: string;
  email: string;
  password: string;
  passwordConfirm: string;
  active: boolean;
  admin: boolean;
}

/**
 * Create or edit a user. Validates with the same zod schemas as the server, so most mistakes
 * are caught before the request; server messages are shown as they come.
 */
export function UserForm({
  user,
  submitting,
  serverError,
  onSubmit,
}: {
  user?: UserSummary;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (values: Record<string, unknown>) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<UserFormValues>({
    username: user?.username ?? '',
    firstname: user?.firstname ?? '',
    lastname: user?.lastname ?? '',
    email: user?.email ?? '',
    password: '',
    passwordConfirm: '',
    active: user?.active ?? true,
    admin: user?.admin ?? false,
  });
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.password !== values.passwordConfirm) {
      setError(t('admin.users.passwordsDiffer'));
      return;
    }
    const { passwordConfirm: _confirm, password, ...rest } = values;
    const body = { ...rest, ...(password || !user ? { password } : {}) };
    const schema = user ? updateUserRequestSchema : createUserRequestSchema;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue ? `${String(issue.path[0] ?? '')}: ${issue.message}` : null);
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  const text = (key: 'username' | 'firstname' | 'lastname' | 'email', label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input name={key} type={type} value={values[key]} onChange={(e) => set(key, e.target.value)} />
    </label>
  );

  return (
    <form className="form" onSubmit={submit} noValidate>
      {text('username', t('admin.users.username'))}
      {text('firstname', t('admin.users.firstname'))}
      {text('lastname', t('admin.users.lastname'))}
      {text('email', t('admin.users.email'), 'email')}
      <label className="field">
        <span>{user ? t('admin.users.newPassword') : t('admin.users.password')}</span>
        <input name="password" type="password" autoComplete="new-password" value={values.password} onChange={(e) => set('password', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('admin.users.passwordConfirm')}</span>
        <input
          name="passwordConfirm"
          type="password"
          autoComplete="new-password"
          value={values.passwordConfirm}
          onChange={(e) => set('passwordConfirm', e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input name="active" type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
        <span>{t('admin.users.active')}</span>
      </label>
      <label className="checkbox">
        <input name="admin" type="checkbox" checked={values.admin} onChange={(e) => set('admin', e.target.checked)} />
        <span>{t('admin.users.admin')}</span>
      </label>
      {(error ?? serverError) && (
        <p className="form-error" role="alert">
          {error ?? serverError}
        </p>
      )}
      <button type="submit" className="button primary" disabled={submitting}>
        {user ? t('common.save') : t('common.create')}
      </button>
    </form>
  );
}
