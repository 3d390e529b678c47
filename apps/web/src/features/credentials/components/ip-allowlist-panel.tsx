import { addIpSchema } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useAddIp } from '../api/add-ip';
import type { IpListOwner } from '../api/credential-owner';
import { useDeleteIp } from '../api/delete-ip';
import { useIps } from '../api/get-ips';

/** IP allow-list entries (IPv4/IPv6/CIDR, shown with their address range); an empty list allows everyone. */
export function IpAllowListPanel({ owner }: { owner: IpListOwner }) {
  const t = useT();
  const query = useIps(owner);
  const add = useAddIp(owner);
  const remove = useDeleteIp(owner);
  const [ip, setIp] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = addIpSchema.safeParse({ ipAddr: ip.trim() });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    add.mutate(parsed.data.ipAddr, { onSuccess: () => setIp('') });
  };

  return (
    <QueryState query={query}>
      {({ ips }) => (
        <div className="panel">
          <p className="muted">{owner.kind === 'global' ? t('ips.globalHelp') : t('ips.userHelp')}</p>
          {ips.length === 0 ? (
            <p className="muted">{t('ips.none')}</p>
          ) : (
            <table className="grid" aria-label={t('ips.title')}>
              <thead>
                <tr>
                  <th>{t('ips.entry')}</th>
                  <th>{t('ips.range')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {ips.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <code>{entry.ipAddr}</code>
                    </td>
                    <td>
                      <code>
                        {entry.start} – {entry.end}
                      </code>
                    </td>
                    <td className="actions-cell">
                      <ConfirmButton label={t('common.delete')} question={t('ips.deleteQuestion', { ip: entry.ipAddr })} onConfirm={() => remove.mutate(entry.id)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FormError message={remove.error?.message} />
          <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('ips.add')}>
            <label className="field">
              <span>{t('ips.new')}</span>
              <input name="ipAddr" value={ip} placeholder="192.0.2.0/24" onChange={(e) => setIp(e.target.value)} />
            </label>
            <button type="submit" className="button primary" disabled={add.isPending}>
              {t('ips.add')}
            </button>
            <FormError message={error ?? add.error?.message} />
          </form>
        </div>
      )}
    </QueryState>
  );
}
