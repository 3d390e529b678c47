import type { ResolvedPath } from '@grove/shared';
import { useEffect } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { QueryState } from '../../../components/ui/query-state';
import { BrowseView } from '../../../features/browse/components/browse-view';
import { useMarkupContext } from '../../../features/repo-browse/api/browse-api';
import { RepoHeader } from '../../../features/repo-browse/components/repo-header';
import { RepoContextProvider, useRepoContext } from '../../../features/repo-browse/repo-context';
import { useRepo } from '../../../features/repos/api/get-repo';
import { StatisticsView } from '../../../features/statistics/components/statistics-view';
import { useT } from '../../../lib/i18n';
import { parseRepoPage, type RepoPageRoute } from '../../../lib/repo-paths';
import { AnnotatePage } from './annotate-page';
import { ChangelogPage } from './changelog-page';
import { ChangesetPage } from './changeset-page';
import { ComparePage } from './compare-page';
import { FileDiffPage } from './file-diff-page';
import { FileEditPage } from './file-edit-page';
import { FilesPage } from './files-page';
import { FollowersPage, ForksPage } from './social-pages';
import { RangePage } from './range-page';
import { SummaryPage } from './summary-page';

/** A content path the server resolved: a repository page, a group page, or 404. */
export function ResolvedContent({ path, resolved }: { path: string; resolved: ResolvedPath }) {
  if (resolved.type === 'group') return <BrowseView group={resolved.name} />;
  if (resolved.type === 'none') return <ErrorPanel status={404} />;
  const segments = path.split('/').filter(Boolean);
  const restCount = resolved.rest ? resolved.rest.split('/').filter(Boolean).length : 0;
  const base = segments.slice(0, segments.length - restCount).join('/');
  return <RepoRoute id={resolved.id} base={base} rest={resolved.rest} />;
}

function RepoRoute({ id, base, rest }: { id: number; base: string; rest: string }) {
  const ref = `_${id}`;
  const repo = useRepo(ref);
  const markup = useMarkupContext(ref);
  const route = parseRepoPage(rest);
  return (
    <QueryState query={repo}>
      {(detail) => (
        <RepoContextProvider value={{ repo: detail, base, ref, markup: markup.data }}>
          <section className="repo-page">
            {route.page !== 'data' && <RepoHeader rev={'rev' in route ? route.rev : undefined} page={route.page} />}
            <RepoPageSwitch route={route} />
          </section>
        </RepoContextProvider>
      )}
    </QueryState>
  );
}

function RepoPageSwitch({ route }: { route: RepoPageRoute }) {
  switch (route.page) {
    case 'summary':
      return <SummaryPage />;
    case 'changelog':
      return <ChangelogPage rev={route.rev} path={route.path} />;
    case 'changeset':
      return <ChangesetPage rev={route.rev} />;
    case 'range':
      return <RangePage from={route.from} to={route.to} />;
    case 'files':
      return <FilesPage rev={route.rev} path={route.path} />;
    case 'annotate':
      return <AnnotatePage rev={route.rev} path={route.path} />;
    case 'edit':
    case 'add':
    case 'delete':
      return <FileEditPage kind={route.page} rev={route.rev} path={route.path} />;
    case 'diff':
      return <FileDiffPage path={route.path} twoWay={route.twoWay} />;
    case 'compare':
      return <ComparePage base={route.base} head={route.head} />;
    case 'forks':
      return <ForksPage />;
    case 'followers':
      return <FollowersPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'data':
      return <DataRedirect apiPath={route.apiPath} query={route.query} />;
    case 'unknown':
      return <ErrorPanel status={404} />;
  }
}

function StatisticsPage() {
  const { repo } = useRepoContext();
  return <StatisticsView repo={repo} />;
}

/** Old-style data URLs (raw, archive, patch, feed) reached through the SPA: the browser goes to the API's bytes. */
function DataRedirect({ apiPath, query }: { apiPath: string; query: Record<string, string> }) {
  const t = useT();
  const { ref } = useRepoContext();
  const search = new URLSearchParams(query).toString();
  const target = `/api/v1/repos/${ref}/${apiPath}${search ? `?${search}` : ''}`;
  useEffect(() => {
    window.location.replace(target);
  }, [target]);
  return <p className="loading">{t('common.loading')}</p>;
}
