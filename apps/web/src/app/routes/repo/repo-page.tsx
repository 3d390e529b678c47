import type { RepoDetail } from '@grove/shared';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { repoSettingsUrl } from '../../../lib/paths';

/** `/{repo}`: for now only the repository's header (the summary and browsing pages come later), with Settings for its admins. */
export function RepoPage({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const flash = useLocationFlash();
  return (
    <section>
      <header className="page-header">
        <h1>
          <span className={`type-label ${repo.type}`}>{repo.type}</span> <Breadcrumbs name={repo.name} />
          {repo.private && <span className="badge">{t('home.private')}</span>}
        </h1>
        {repo.permission === 'repository.admin' && (
          <Link className="button" to={repoSettingsUrl(repo.name)}>
            {t('repos.settings')}
          </Link>
        )}
      </header>
      <Flash message={flash} />
      {repo.description && <p className="description">{repo.description}</p>}
      <dl className="facts">
        {repo.forkOf && (
          <>
            <dt>{t('repos.forkOf')}</dt>
            <dd>
              <Link to={`/${repo.forkOf.name}`}>{repo.forkOf.name}</Link>
            </dd>
          </>
        )}
        <dt>{t('home.colTip')}</dt>
        <dd>{repo.tip ? <code title={`${repo.tip.author}: ${repo.tip.message}`}>{`r${repo.tip.revision}:${repo.tip.shortId}`}</code> : t('home.noChangesets')}</dd>
        <dt>{t('common.owner')}</dt>
        <dd>{repo.owner}</dd>
      </dl>
    </section>
  );
}
