import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { useT } from '../../../lib/i18n';
import { useCreateApiKey } from '../api/create-api-key';
import type { CredentialOwner } from '../api/credential-owner';
import { useApiKeys } from '../api/get-api-keys';
import { useResetBuiltinApiKey } from '../api/reset-builtin-api-key';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { ApiKeyForm } from './api-key-form';

/** The built-in key (with reset) and the extra keys (create with a lifetime, revoke). */
export function ApiKeysPanel({ owner }: { owner: CredentialOwner }) {
  const t = useT();
  const query = useApiKeys(owner);
  const create = useCreateApiKey(owner);
  const revoke = useRevokeApiKey(owner);
  const reset = useResetBuiltinApiKey(owner);
  return (
    <QueryState query={query}>
      {({ apiKeys }) => (
        <div className="panel">
          <table className="grid" aria-label={t('apiKeys.title')}>
            <thead>
              <tr>
                <th>{t('apiKeys.key')}</th>
                <th>{t('apiKeys.description')}</th>
                <th>{t('apiKeys.expires')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {apiKeys.map((key) => (
                <tr key={key.id ?? 'builtin'} className={key.expired ? 'expired' : undefined}>
                  <td>
                    <code className="secret">{key.apiKey}</code>
                  </td>
                  <td>
                    {key.builtin ? t('apiKeys.builtin') : key.description}
                    {key.expired && <span className="badge">{t('apiKeys.expired')}</span>}
                  </td>
                  <td>{key.expires ? <Age date={key.expires} /> : t('common.never')}</td>
                  <td className="actions-cell">
                    {key.builtin ? (
                      <ConfirmButton label={t('apiKeys.reset')} question={t('apiKeys.resetQuestion')} disabled={reset.isPending} onConfirm={() => reset.mutate()} />
                    ) : (
                      <ConfirmButton
                        label={t('apiKeys.revoke')}
                        question={t('apiKeys.revokeQuestion')}
                        disabled={revoke.isPending}
                        onConfirm={() => revoke.mutate(key.id!)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FormError message={revoke.error?.message ?? reset.error?.message} />
          <h2>{t('apiKeys.new')}</h2>
          <ApiKeyForm submitting={create.isPending} serverError={create.error?.message} onSubmit={(body) => create.mutate(body)} />
        </div>
      )}
    </QueryState>
  );
}
