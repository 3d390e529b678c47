import { addSshKeySchema } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useAddSshKey } from '../api/add-ssh-key';
import type { CredentialOwner } from '../api/credential-owner';
import { useDeleteSshKey } from '../api/delete-ssh-key';
import { useSshKeys } from '../api/get-ssh-keys';

/** SSH public keys: fingerprint, description, last use; add by pasting, delete. */
export function SshKeysPanel({ owner }: { owner: CredentialOwner }) {
  const t = useT();
  const query = useSshKeys(owner);
  const add = useAddSshKey(owner);
  const remove = useDeleteSshKey(owner);
  const [publicKey, setPublicKey] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = addSshKeySchema.safeParse({ publicKey: publicKey.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: () => {
        setPublicKey('');
        setDescription('');
      },
    });
  };

  return (
    <QueryState query={query}>
      {({ sshKeys }) => (
        <div className="panel">
          {sshKeys.length === 0 ? (
            <p className="muted">{t('sshKeys.none')}</p>
          ) : (
            <table className="grid" aria-label={t('sshKeys.title')}>
              <thead>
                <tr>
                  <th>{t('sshKeys.fingerprint')}</th>
                  <th>{t('sshKeys.description')}</th>
                  <th>{t('sshKeys.type')}</th>
                  <th>{t('sshKeys.lastUsed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {sshKeys.map((key) => (
                  <tr key={key.id}>
                    <td>
                      <code className="secret">SHA256:{key.fingerprint}</code>
                    </td>
                    <td>{key.description}</td>
                    <td>{key.keyType}</td>
                    <td>{key.lastSeen ? <Age date={key.lastSeen} /> : t('common.never')}</td>
                    <td className="actions-cell">
                      <ConfirmButton label={t('common.delete')} question={t('sshKeys.deleteQuestion')} onConfirm={() => remove.mutate(key.id)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FormError message={remove.error?.message} />
          <h2>{t('sshKeys.new')}</h2>
          <form className="form" onSubmit={submit} noValidate aria-label={t('sshKeys.new')}>
            <label className="field">
              <span>{t('sshKeys.description')}</span>
              <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('sshKeys.publicKey')}</span>
              <textarea name="publicKey" rows={4} value={publicKey} placeholder="ssh-ed25519 AAAA… user@host" onChange={(e) => setPublicKey(e.target.value)} />
            </label>
            <FormError message={error ?? add.error?.message} />
            <div>
              <button type="submit" className="button primary" disabled={add.isPending}>
                {t('sshKeys.add')}
              </button>
            </div>
          </form>
        </div>
      )}
    </QueryState>
  );
}
