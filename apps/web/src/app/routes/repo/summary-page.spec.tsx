import type { RepoDetail, SummaryResponse } from '@grove/shared';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { RepoContextProvider } from '../../../features/repo-browse/repo-context';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { SummaryPage } from './summary-page';

const repo = {
  id: 7, name: 'team/app', shortName: 'app', type: 'git', permission: 'repository.read', forkOf: null, description: 'An app', owner: 'ann',
  followers: 1, forks: 0, enableStatistics: false, cloneUri: null,
} as unknown as RepoDetail;

const summary: SummaryResponse = {
  repository: repo, empty: true, landingId: null,
  refs: { branches: [], closedBranches: [], tags: [], bookmarks: [], defaultBranch: null, tip: null },
  latest: { items: [], total: 0, page: 1, size: 10 } as unknown as SummaryResponse['latest'],
  readme: null, trending: { enabled: true, items: [] }, downloads: { enabled: true, formats: ['zip'] },
  clone: { http: 'http://localhost/team/app', httpById: 'http://localhost/_7', ssh: null },
};

function serve(signedIn: boolean) {
  return installFakeFetch(({ url }) => {
    if (url.pathname === '/api/v1/me') return signedIn ? { body: { user: { id: 2, username: 'ann' }, csrfToken: 't' } } : { status: 401, body: { message: 'no' } };
    if (url.pathname === '/api/v1/repos/_7/summary') return { body: summary };
    if (url.pathname === '/api/v1/repos/_7/size') return { body: { bytes: 1_258_291, text: '1.2 MiB' } };
    return { status: 404, body: { message: 'unexpected' } };
  });
}

const render = () =>
  renderWithProviders(
    <RepoContextProvider value={{ repo, base: 'team/app', ref: '_7' }}>
      <SummaryPage />
    </RepoContextProvider>,
    { route: '/team/app' },
  );

describe('SummaryPage size', () => {
  let server: ReturnType<typeof serve>;
  afterEach(() => server.restore());

  it('loads the size only when a signed-in user asks for it', async () => {
    server = serve(true);
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Show repository size' }));
    expect(await screen.findByText('1.2 MiB')).toBeTruthy();
    expect(server.calls.filter((c) => c.url.pathname.endsWith('/size'))).toHaveLength(1);
  });

  it('does not offer the size to anonymous visitors', async () => {
    server = serve(false);
    render();
    await screen.findByText('Quick start');
    // the session answer may come after the summary: let it settle before judging
    await waitFor(() => expect(server.calls.some((c) => c.url.pathname === '/api/v1/me')).toBe(true));
    await act(() => Promise.resolve());
    expect(screen.queryByRole('button', { name: 'Show repository size' })).toBeNull();
    expect(server.calls.some((c) => c.url.pathname.endsWith('/size'))).toBe(false);
  });
});
