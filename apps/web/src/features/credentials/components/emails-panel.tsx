import { addEmailSchema } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useAddEmail } from '../api/add-email';
import type { CredentialOwner } from '../api/credential-owner';
import { useDeleteEmail } from '../api/delete-email';
import { useEmails } from '../api/get-emails';

/** The primary address (read-only here) and extra addresses (add, delete). */
export function EmailsPanel({ owner, primary }: { owner: CredentialOwner; primary: string | null }) {
  const t = useT();
  const query = useEmails(owner);
  const add = useAddEmail(owner);
  const remove = useDeleteEmail(owner);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = addEmailSchema.safeParse({ email });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    add.mutate(parsed.data.email, { onSuccess: () => setEmail('') });
  };

  return (
    <QueryState query={query}>
      {({ emails }) => (
        <div className="panel">
          <table className="grid" aria-label={t('emails.title')}>
            <tbody>
              <tr>
                <td>{primary ?? '—'}</td>
                <td>
                  <span className="badge">{t('emails.primary')}</span>
                </td>
              </tr>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>{e.email}</td>
                  <td className="actions-cell">
                    <ConfirmButton label={t('common.delete')} question={t('emails.deleteQuestion', { email: e.email })} onConfirm={() => remove.mutate(e.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormError message={remove.error?.message} />
          <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('emails.add')}>
            <label className="field">
              <span>{t('emails.new')}</span>
              <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <button type="submit" className="button primary" disabled={add.isPending}>
              {t('emails.add')}
            </button>
            <FormError message={error ?? add.error?.message} />
          </form>
        </div>
      )}
    </QueryState>
  );
}
