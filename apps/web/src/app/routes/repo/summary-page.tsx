import { useMemo, useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { CopyField } from '../../../components/ui/copy-field';
import { Pager } from '../../../components/ui/pager';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { RichText } from '../../../components/ui/rich-text';
import { ChangesetTable } from '../../../features/changelog/components/changeset-table';
import { repoSettingsUrl } from '../../../lib/paths';
import { repoUrls } from '../../../lib/repo-paths';
import { useRepoSize, useSummary } from '../../../features/repo-browse/api/browse-api';
import { useSession } from '../../../features/auth/api/get-session';
import { useRepoContext, useUrlify } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { renderReadme } from '../../../lib/markup/render-readme';

/** `/{repo}`: clone URLs, description, README, latest changes, downloads, counts; quick start when empty. */
export function SummaryPage() {
  const t = useT();
  const { repo, base, ref, markup } = useRepoContext();
  const linkify = useUrlify();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const summary = useSummary(ref, page);
  const signedIn = !!useSession().data;
  const [cloneKind, setCloneKind] = useState<'http' | 'id' | 'ssh' | null>(null);
  const [archiveRev, setArchiveRev] = useState('');
  // shown with the loaded page (e.g. "Repository created"), never next to the loading indicator
  const flash = useLocationFlash();
  const { hash } = useLocation();
  // `/{repo}#<branch>` (links of the pull request lists) → the changelog of that branch
  if (hash.length > 1) return <Navigate to={repoUrls.changelog(base, { branch: decodeURIComponent(hash.slice(1)) })} replace />;
  return (
    <QueryState query={summary}>
      {(s) => {
        const kind = cloneKind ?? (s.clone.ssh ? 'ssh' : 'http');
        const cloneUrl = kind === 'ssh' ? (s.clone.ssh ?? s.clone.http) : kind === 'id' ? s.clone.httpById : s.clone.http;
        const rev = archiveRev || 'tip';
        return (
          <div className="summary">
            <Flash message={flash} />
            {/* React hoists these into <head>: feed discovery */}
            <link rel="alternate" type="application/atom+xml" title={t('summary.feedTitle', { repo: repo.name })} href={repoUrls.feed(ref, 'atom')} />
            <link rel="alternate" type="application/rss+xml" title={t('summary.feedTitle', { repo: repo.name })} href={repoUrls.feed(ref, 'rss')} />
            <dl className="facts">
              <dt>{t('summary.clone')}</dt>
              <dd>
                <CopyField value={cloneUrl} label={t('summary.cloneUrl')} />{' '}
                <span className="toggles">
                  <button type="button" className="button link" aria-pressed={kind === 'http'} onClick={() => setCloneKind('http')}>
                    {t('summary.useName')}
                  </button>
                  <button type="button" className="button link" aria-pressed={kind === 'id'} onClick={() => setCloneKind('id')}>
                    {t('summary.useId')}
                  </button>
                  {s.clone.ssh && (
                    <button type="button" className="button link" aria-pressed={kind === 'ssh'} onClick={() => setCloneKind('ssh')}>
                      {t('summary.useSsh')}
                    </button>
                  )}
                </span>
              </dd>
              {repo.cloneUri && (
                <>
                  <dt>{t('summary.cloneFrom')}</dt>
                  <dd>{repo.cloneUri}</dd>
                </>
              )}
              <dt>{t('common.description')}</dt>
              <dd>
                <RichText html={linkify(repo.description, { stylify: markup?.stylify })} />
              </dd>
              <dt>{t('common.owner')}</dt>
              <dd>{repo.owner}</dd>
              <dt>{t('browse.followers')}</dt>
              <dd>
                <Link to={repoUrls.followers(base)}>{repo.followers}</Link>
              </dd>
              <dt>{t('browse.forks')}</dt>
              <dd>
                <Link to={repoUrls.forks(base)}>{repo.forks}</Link>
              </dd>
              {signedIn && (
                <>
                  <dt>{t('summary.size')}</dt>
                  <dd>
                    <RepoSize />
                  </dd>
                </>
              )}
              <dt>{t('summary.feeds')}</dt>
              <dd>
                <a href={repoUrls.feed(ref, 'atom')}>{t('summary.atom')}</a> · <a href={repoUrls.feed(ref, 'rss')}>{t('summary.rss')}</a>
              </dd>
              {repo.enableStatistics && (
                <>
                  <dt>{t('statistics.title')}</dt>
                  <dd>
                    <Link to={repoUrls.statistics(base)}>{t('summary.showStatistics')}</Link>
                  </dd>
                </>
              )}
              <dt>{t('summary.downloads')}</dt>
              <dd>
                {s.empty ? (
                  t('summary.noDownloads')
                ) : !s.downloads.enabled ? (
                  <>
                    {t('summary.downloadsDisabled')}{' '}
                    {repo.permission === 'repository.admin' && <Link to={repoSettingsUrl(repo.name)}>{t('summary.enable')}</Link>}
                  </>
                ) : (
                  <span className="downloads">
                    <select aria-label={t('summary.archiveRef')} value={archiveRev} onChange={(e) => setArchiveRev(e.target.value)}>
                      <option value="">tip</option>
                      {[...s.refs.branches, ...s.refs.tags, ...s.refs.bookmarks].map((r) => (
                        <option key={`${r.name}-${r.rawId}`} value={r.name}>
                          {r.name}
                        </option>
                      ))}
                    </select>{' '}
                    {s.downloads.formats.map((ext) => (
                      <a key={ext} className="button" href={repoUrls.archive(ref, rev, ext)} download>
                        {t('summary.downloadAs', { ext })}
                      </a>
                    ))}
                  </span>
                )}
              </dd>
            </dl>
            {s.trending.enabled ? (
              s.trending.items.length > 0 && <Trending items={s.trending.items} />
            ) : (
              <p className="muted">
                {t('summary.statisticsDisabled')}{' '}
                {repo.permission === 'repository.admin' && <Link to={repoSettingsUrl(repo.name)}>{t('summary.enable')}</Link>}
              </p>
            )}
            {s.empty ? (
              <QuickStart clone={s.clone.http} />
            ) : (
              <section>
                <h2>{t('summary.latestChanges')}</h2>
                <ChangesetTable changesets={s.latest.items} />
                <Pager page={page} size={s.latest.size} total={s.latest.total} onPage={(p) => setParams({ page: String(p) })} />
              </section>
            )}
            {s.readme && <Readme path={s.readme.path} content={s.readme.content} rev={s.landingId ?? 'tip'} />}
          </div>
        );
      }}
    </QueryState>
  );
}

/** The repository's size on disk, loaded on click (signed-in users; §2.2). */
function RepoSize() {
  const t = useT();
  const { ref } = useRepoContext();
  const [asked, setAsked] = useState(false);
  const size = useRepoSize(ref, asked);
  if (!asked)
    return (
      <button type="button" className="button link" onClick={() => setAsked(true)}>
        {t('summary.showSize')}
      </button>
    );
  if (size.isError) return <span className="error">{t('summary.sizeFailed')}</span>;
  return <span data-testid="repo-size">{size.data ? size.data.text : t('common.loading')}</span>;
}

function Readme({ path, content, rev }: { path: string; content: string; rev: string }) {
  const { base } = useRepoContext();
  const html = useMemo(() => renderReadme(path, content), [path, content]);
  return (
    <section className="readme">
      <h2>
        <Link to={repoUrls.files(base, rev, path)}>{path}</Link>
      </h2>
      <RichText as="div" className="markup" html={html} />
    </section>
  );
}

function Trending({ items }: { items: { extension: string; count: number; percent: number }[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  return (
    <section className="trending">
      <h2>{t('summary.trending')}</h2>
      <ul>
        {(all ? items : items.slice(0, 2)).map((i) => (
          <li key={i.extension}>
            {i.extension} <span className="bar" style={{ width: `${Math.max(1, i.percent)}%` }} /> {i.percent.toFixed(1)} %
          </li>
        ))}
      </ul>
      {!all && items.length > 2 && (
        <button type="button" className="button link" onClick={() => setAll(true)}>
          {t('summary.showMore')}
        </button>
      )}
    </section>
  );
}

function QuickStart({ clone }: { clone: string }) {
  const t = useT();
  const { repo, base } = useRepoContext();
  const git = repo.type === 'git';
  const canWrite = repo.permission === 'repository.write' || repo.permission === 'repository.admin';
  return (
    <section className="quick-start">
      <h2>{t('summary.quickStart')}</h2>
      {canWrite && (
        <p>
          <Link className="button" to={repoUrls.add(base, git ? 'master' : 'default')}>
            {t('files.addNew')}
          </Link>
        </p>
      )}
      <h3>{t('summary.pushNew')}</h3>
      <pre>
        {`${repo.type} clone ${clone}\ncd ${repo.shortName}\necho "hello" > README\n${repo.type} add README\n${repo.type} commit -m "Initial"\n${git ? 'git push origin master' : 'hg push'}`}
      </pre>
      <h3>{t('summary.pushExisting')}</h3>
      <pre>{git ? `git remote add origin ${clone}\ngit push -u origin master` : `hg push ${clone}`}</pre>
    </section>
  );
}
