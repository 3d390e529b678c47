import type { RepoDetail } from '@grove/shared';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { usePullRepo } from '../api/repo-admin-actions';

/** Remote settings: the stored remote URL (credentials hidden) and "pull changes now". */
export function RepoRemotePanel({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const pull = usePullRepo(repo.id);
  const source = repo.cloneUri ?? null;
  const canPull = !!source || !!repo.forkOf;
  return (
    <div className="panel">
      <dl className="facts">
        <dt>{t('repos.remoteUrl')}</dt>
        <dd>{source ? <code>{source}</code> : <span className="muted">{t('repos.noRemote')}</span>}</dd>
      </dl>
      {!source && repo.forkOf && <p className="muted">{t('repos.forkPullsFromParent', { name: repo.forkOf.name })}</p>}
      <button type="button" className="button" disabled={!canPull || pull.isPending} onClick={() => pull.mutate({})}>
        {t('repos.pullRemote')}
      </button>
      {pull.isSuccess && (
        <p role="status">{pull.data.tip ? t('repos.pulled', { tip: `r${pull.data.tip.revision}:${pull.data.tip.shortId}` }) : t('repos.pulledEmpty')}</p>
      )}
      <FormError message={pull.error?.message} />
    </div>
  );
}
