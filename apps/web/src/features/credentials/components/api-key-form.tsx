import { createApiKeySchema, type CreateApiKey } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';

/** The lifetimes Kallithea offers for a new API key (minutes; undefined = forever). */
export const API_KEY_LIFETIMES = [
  { value: 'forever', minutes: undefined, label: 'apiKeys.lifetimeForever' },
  { value: '5', minutes: 5, label: 'apiKeys.lifetime5min' },
  { value: '60', minutes: 60, label: 'apiKeys.lifetime1hour' },
  { value: '1440', minutes: 24 * 60, label: 'apiKeys.lifetime1day' },
  { value: '43200', minutes: 30 * 24 * 60, label: 'apiKeys.lifetime1month' },
] as const;

/** New extra API key: a description and a lifetime, checked with the server's schema. */
export function ApiKeyForm({ submitting, serverError, onSubmit }: { submitting: boolean; serverError?: string | null; onSubmit: (body: CreateApiKey) => void }) {
  const t = useT();
  const [description, setDescription] = useState('');
  const [lifetime, setLifetime] = useState<string>('forever');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = API_KEY_LIFETIMES.find((l) => l.value === lifetime)?.minutes;
    const parsed = createApiKeySchema.safeParse({ description, ...(minutes === undefined ? {} : { lifetimeMinutes: minutes }) });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
    setDescription('');
  };

  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('apiKeys.new')}>
      <label className="field">
        <span>{t('apiKeys.description')}</span>
        <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('apiKeys.lifetime')}</span>
        <select name="lifetime" value={lifetime} onChange={(e) => setLifetime(e.target.value)}>
          {API_KEY_LIFETIMES.map((l) => (
            <option key={l.value} value={l.value}>
              {t(l.label)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button primary" disabled={submitting}>
        {t('apiKeys.add')}
      </button>
      <FormError message={error ?? serverError} />
    </form>
  );
}
