import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { useRepoScan } from '../api/repo-scan';

/** "Remap and rescan": import repositories found on disk; optionally forget records of missing ones. */
export function RepoScanPanel() {
  const t = useT();
  const scan = useRepoScan();
  const [removeObsolete, setRemoveObsolete] = useState(false);
  const result = scan.data;
  return (
    <div className="panel">
      <p className="muted">{t('scan.help')}</p>
      <label className="checkbox">
        <input type="checkbox" name="removeObsolete" checked={removeObsolete} onChange={(e) => setRemoveObsolete(e.target.checked)} />
        <span>{t('scan.removeObsolete')}</span>
      </label>
      <div className="actions">
        <button type="button" className="button primary" disabled={scan.isPending} onClick={() => scan.mutate({ removeObsolete })}>
          {scan.isPending ? t('scan.running') : t('scan.run')}
        </button>
      </div>
      <FormError message={scan.error?.message} />
      {result && (
        <section className="scan-result" role="status" aria-label={t('scan.result')}>
          <h2>{t('scan.result')}</h2>
          <p>{t('scan.summary', { added: result.added.length, removed: result.removed.length, groups: result.groupsCreated.length, skipped: result.skipped.length })}</p>
          {result.added.length > 0 && (
            <>
              <h3>{t('scan.added')}</h3>
              <ul>
                {result.added.map((name) => (
                  <li key={name}>
                    <Link to={`/${name}`}>{name}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.removed.length > 0 && (
            <>
              <h3>{t('scan.removed')}</h3>
              <ul>
                {result.removed.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </>
          )}
          {result.skipped.length > 0 && (
            <>
              <h3>{t('scan.skipped')}</h3>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.name}>
                    <code>{s.name}</code>: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
