import { Navigate, useParams } from 'react-router';
import { QueryState } from '../../components/ui/query-state';
import { BrowseView } from '../../features/browse/components/browse-view';
import { useRepoLookup } from '../../features/repos/api/lookup-repo';
import { repoSettingsCandidates, repoSettingsUrl, type RepoSettingsTab } from '../../lib/paths';
import { RequireUser } from '../require-user';
import { ResolvedContent } from './repo/repo-route';
import { useResolvePath } from '../../features/repo-browse/api/browse-api';
import { RepoSettingsPage } from './repo/repo-settings';

/**
 * Every path outside `/_admin`: `/{repo}/settings[/{tab}]`, a repository `/{repo}`, or a group
 * `/{group}`. Names contain `/`, so the path is matched against the repositories that exist
 * (web-ui.md §0): settings routes first, then a bare path as a repository, then as a group.
 */
export function ContentRoute() {
  const path = (useParams()['*'] ?? '').replace(/^\/+|\/+$/g, '');
  const candidates = repoSettingsCandidates(path);
  if (!path) return <BrowseView />;
  if (candidates.length > 0) return <RepoSettingsResolver key={path} path={path} candidates={candidates} />;
  return <RepoOrGroup key={path} path={path} />;
}

function RepoSettingsResolver({ path, candidates }: { path: string; candidates: { repo: string; tab: RepoSettingsTab }[] }) {
  const lookup = useRepoLookup(candidates.map((c) => c.repo));
  return (
    <QueryState query={lookup}>
      {(match) => {
        // No repository there: the whole path names a repository or group (e.g. `a/settings/advanced`).
        if (!match) return <RepoOrGroup path={path} />;
        const tab = candidates.find((c) => c.repo === match.ref)!.tab;
        if (match.ref !== match.repo.name) return <Navigate to={repoSettingsUrl(match.repo.name, tab)} replace />;
        return (
          <RequireUser>
            <RepoSettingsPage name={match.repo.name} tab={tab} />
          </RequireUser>
        );
      }}
    </QueryState>
  );
}

/** Any other path: the server resolves it to a repository page (`/_<id>/…` kept as is), a group, or nothing. */
function RepoOrGroup({ path }: { path: string }) {
  const resolved = useResolvePath(path);
  return <QueryState query={resolved}>{(r) => <ResolvedContent path={path} resolved={r} />}</QueryState>;
}
