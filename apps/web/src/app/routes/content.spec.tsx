import type { RepoDetail } from '@grove/shared';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { installFakeFetch } from '../../testing/fake-fetch';
import { renderWithProviders } from '../../testing/render';
import { ContentRoute } from './content';

const detail = (name: string, permission: string): RepoDetail => ({
  id: 42,
  name,
  shortName: name.split('/').pop()!,
  type: 'hg',
  private: false,
  description: `About ${name}`,
  owner: 'alice',
  forkOf: null,
  state: 'repo_state_created',
  updatedOn: new Date().toISOString(),
  tip: null,
  landingRevision: 'rev:tip',
  enableStatistics: false,
  enableDownloads: false,
  cloneUri: null,
  createdOn: new Date().toISOString(),
  group: null,
  followers: 0,
  forks: 0,
  following: false,
  inPublicJournal: false,
  fields: [],
  permission,
});

const browse = (group: string) => ({
  group: { id: 1, name: group, description: '', parents: [] },
  groups: [],
  repositories: { items: [], total: 0, page: 1, size: 100 },
  canCreateRepository: false,
  canCreateGroup: false,
});

/** A server with the given repositories (name → my permission) and groups; signed in as bob. */
function serve(repos: Record<string, string>, groups: string[]) {
  return installFakeFetch(({ url }) => {
    if (url.pathname === '/api/v1/me') return { body: { user: { id: 3, username: 'bob', firstname: '', lastname: '', email: null, admin: false, anonymous: false }, csrfToken: 't' } };
    if (url.pathname === '/api/v1/me/permissions') return { body: { global: [], repositories: [], repoGroups: [], userGroups: [] } };
    const byId = (ref: string) => (ref === '_42' ? Object.keys(repos)[0] : ref);
    const repo = /^\/api\/v1\/repos\/([^/]+)$/.exec(url.pathname);
    if (repo) {
      const name = byId(decodeURIComponent(repo[1]!))!;
      return name in repos ? { body: detail(name, repos[name]!) } : { status: 404, body: { message: `Repository ${name} not found` } };
    }
    if (url.pathname === '/api/v1/resolve') {
      const segments = url.searchParams.get('path')!.split('/').filter(Boolean);
      for (let i = 1; i <= segments.length; i++) {
        const name = byId(segments.slice(0, i).join('/'));
        if (name && name in repos) return { body: { type: 'repository', id: 42, name, rest: segments.slice(i).join('/'), permission: repos[name] } };
      }
      const group = segments.join('/');
      return groups.includes(group) ? { body: { type: 'group', id: 1, name: group } } : { body: { type: 'none' } };
    }
    const summary = /^\/api\/v1\/repos\/_42\/summary$/.exec(url.pathname);
    if (summary) {
      const name = Object.keys(repos)[0]!;
      return {
        body: {
          repository: detail(name, repos[name]!), empty: true, landingId: null,
          refs: { branches: [], closedBranches: [], tags: [], bookmarks: [], defaultBranch: null, tip: null },
          latest: { items: [], total: 0, page: 1, size: 10 }, readme: null, trending: { enabled: false, items: [] },
          downloads: { enabled: false, formats: [] }, clone: { http: `http://h/${name}`, httpById: 'http://h/_42', ssh: null },
        },
      };
    }
    if (url.pathname === '/api/v1/browse') {
      const group = url.searchParams.get('group')!;
      return groups.includes(group) ? { body: browse(group) } : { status: 404, body: { message: `Repository group ${group} not found` } };
    }
    return { status: 404, body: { message: 'unexpected' } };
  });
}

const render = (path: string) =>
  renderWithProviders(
    <Routes>
      <Route path="*" element={<ContentRoute />} />
    </Routes>,
    { route: path },
  );

describe('ContentRoute: repository names contain "/"', () => {
  let server: ReturnType<typeof installFakeFetch>;
  afterEach(() => server.restore());

  it('opens the settings of a repository inside groups for its admins', async () => {
    server = serve({ 'team/sub/hello': 'repository.admin' }, ['team', 'team/sub']);
    render('/team/sub/hello/settings/permissions');
    expect(await screen.findByRole('navigation', { name: 'Repository settings' })).toBeTruthy();
    expect(server.calls.some((c) => c.url.pathname === '/api/v1/repos/team%2Fsub%2Fhello')).toBe(true);
  });

  it('shows readers who are not admins the 403 panel', async () => {
    server = serve({ 'team/hello': 'repository.read' }, ['team']);
    render('/team/hello/settings');
    expect((await screen.findByRole('alert')).textContent).toContain('403');
    expect(screen.queryByRole('navigation', { name: 'Repository settings' })).toBeNull();
  });

  it('a bare path is a repository when there is one, else a group', async () => {
    server = serve({ 'team/hello': 'repository.read' }, ['team']);
    const { unmount } = render('/team/hello');
    expect(await screen.findByText('About team/hello')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
    unmount();
    render('/team');
    expect(await screen.findByRole('heading', { name: /team/ })).toBeTruthy();
    expect(screen.queryByText(/About/)).toBeNull();
  });

  it('a path ending in a settings tab that names no repository falls back to the whole path', async () => {
    server = serve({ 'a/settings/advanced': 'repository.admin' }, ['a', 'a/settings']);
    render('/a/settings/advanced');
    expect(await screen.findByText('About a/settings/advanced')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('/a/settings/advanced/settings');
  });

  it('nothing there: 404', async () => {
    server = serve({}, []);
    render('/nope/settings');
    expect((await screen.findByRole('alert')).textContent).toContain('404');
  });

  it('a permanent /_<id> URL shows the repository page without redirecting, and an unknown page is a 404', async () => {
    server = serve({ 'team/hello': 'repository.read' }, ['team']);
    const { unmount } = render('/_42');
    expect(await screen.findByText('About team/hello')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Changelog' }).getAttribute('href')).toBe('/_42/changelog');
    unmount();
    render('/team/hello/no-such-page');
    expect((await screen.findByRole('alert')).textContent).toContain('404');
  });
});
