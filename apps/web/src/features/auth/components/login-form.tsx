import { loginRequestSchema } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { useLogin } from '../api/login';

/** Username/e-mail + password form; the password is cleared after a failure. */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const t = useT();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ username, password, remember });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    login.mutate(parsed.data, {
      onSuccess,
      onError: (e) => {
        setPassword('');
        setError(e.message);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('login.title')}>
      <label className="field">
        <span>{t('login.username')}</span>
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>{t('login.password')}</span>
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <span>{t('login.remember')}</span>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={login.isPending}>
        {t('login.submit')}
      </button>
    </form>
  );
}
