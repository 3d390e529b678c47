import type { RepoDetail } from '@grove/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { RepoContextProvider } from '../../../features/repo-browse/repo-context';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ComparePage } from './compare-page';

const fork = {
  id: 8, name: 'ann/app-fork', shortName: 'app-fork', type: 'hg', permission: 'repository.read', landingRevision: 'branch:feature', forkOf: { id: 3, name: 'team/app' },
} as unknown as RepoDetail;
const plain = { ...fork, id: 9, name: 'team/other', forkOf: null, landingRevision: 'rev:tip' } as RepoDetail;

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

const render = (repo: RepoDetail, route: string) =>
  renderWithProviders(
    <RepoContextProvider value={{ repo, base: repo.name, ref: `_${repo.id}` }}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <ComparePage />
              <Where />
            </>
          }
        />
      </Routes>
    </RepoContextProvider>,
    { route },
  );

const refs = { branches: [], closedBranches: [], tags: [], bookmarks: [], defaultBranch: 'default', tip: null };

describe('ComparePage', () => {
  let server: ReturnType<typeof installFakeFetch>;
  beforeEach(() => {
    server = installFakeFetch(({ url }) => {
      if (url.pathname === '/api/v1/repos/_3') return { body: { ...fork, id: 3, name: 'team/app', forkOf: null, landingRevision: 'branch:stable' } };
      if (url.pathname.endsWith('/refs')) return { body: refs };
      return { status: 404, body: { message: 'unexpected' } };
    });
  });
  afterEach(() => server.restore());

  it("opened from a fork, prefills the parent's landing ref → the fork's landing ref and compares on the parent in merge mode", async () => {
    render(fork, '/ann/app-fork/compare');
    await waitFor(() => expect((screen.getByLabelText('Base') as HTMLInputElement).value).toBe('stable'));
    expect((screen.getByLabelText('Base repository') as HTMLInputElement).value).toBe('team/app');
    expect((screen.getByLabelText('Head') as HTMLInputElement).value).toBe('feature');
    expect((screen.getByLabelText('Other repository (fork)') as HTMLInputElement).value).toBe('ann/app-fork');
    fireEvent.click(screen.getByRole('button', { name: 'Compare Revisions' }));
    expect(screen.getByTestId('where').textContent).toBe('/team/app/compare/rev@stable...rev@feature?other_repo=ann%2Fapp-fork&merge=1');
  });

  it('in a repository that is not a fork starts empty and stays within it', async () => {
    render(plain, '/team/other/compare');
    expect((screen.getByLabelText('Base repository') as HTMLInputElement).value).toBe('team/other');
    expect((screen.getByLabelText('Base') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Base'), { target: { value: 'v1' } });
    fireEvent.change(screen.getByLabelText('Head'), { target: { value: 'default' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare Revisions' }));
    expect(screen.getByTestId('where').textContent).toBe('/team/other/compare/rev@v1...rev@default');
    expect(server.calls.some((c) => c.url.pathname === '/api/v1/repos/_3')).toBe(false);
  });
});
