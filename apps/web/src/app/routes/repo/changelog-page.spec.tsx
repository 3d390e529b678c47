import type { ChangesetDto, GraphRow, RepoDetail } from '@grove/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { RepoContextProvider } from '../../../features/repo-browse/repo-context';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ChangelogPage } from './changelog-page';

const repo = { id: 7, name: 'team/app', shortName: 'app', type: 'hg', permission: 'repository.read', forkOf: null } as unknown as RepoDetail;

const cs = (n: number): ChangesetDto => ({
  rawId: String(n).repeat(40).slice(0, 40).replace(/[^0-9]/g, 'a'),
  shortId: String(n).repeat(12).slice(0, 12),
  revision: n, author: 'Ann <ann@example.com>', authorName: 'Ann', authorEmail: 'ann@example.com', authorUsername: null, authorAvatarUrl: n === 3 ? 'https://avatars.example/{md5email}?s={size}' : null,
  date: { timestamp: 1_700_000_000 + n, offset: 0 }, authorDate: { timestamp: 1_700_000_000 + n, offset: 0 },
  message: n === 3 ? 'third\n\nwith details' : `change ${n}`, parents: [], children: [], branch: 'default', branchHeads: [], tags: n === 3 ? ['v1'] : [],
  bookmarks: [], phase: 'public', obsolete: false, bumped: false, divergent: false, extinct: false, unstable: false, closesBranch: false,
});
const changesets = [cs(3), cs(2), cs(1)];
const graph: GraphRow[] = [
  [[0, 1], [[0, 0, 1, 0]], 0, 0, 0, 0, 0, 0],
  [[0, 1], [[0, 0, 1, 0]], 0, 0, 0, 0, 0, 0],
  [[0, 1], [], 0, 0, 0, 0, 0, 0],
];

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function serve() {
  return installFakeFetch(({ url }) => {
    if (url.pathname === '/api/v1/repos/_7/changelog') return { body: { changesets, graph, total: 250, page: 1, size: Number(url.searchParams.get('size')), revision: null } };
    if (url.pathname === '/api/v1/repos/_7/refs')
      return { body: { branches: [{ name: 'default', rawId: changesets[0]!.rawId }], closedBranches: [{ name: 'old', rawId: 'f'.repeat(40) }], tags: [], bookmarks: [], defaultBranch: 'default', tip: null } };
    return { status: 404, body: { message: 'unexpected' } };
  });
}

const render = (route: string) =>
  renderWithProviders(
    <RepoContextProvider value={{ repo, base: 'team/app', ref: '_7' }}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <ChangelogPage />
              <Where />
            </>
          }
        />
      </Routes>
    </RepoContextProvider>,
    { route },
  );

describe('ChangelogPage', () => {
  let server: ReturnType<typeof serve>;
  beforeEach(() => {
    localStorage.clear();
    server = serve();
  });
  afterEach(() => server.restore());

  it('shows the rows with graph, labels and expandable messages', async () => {
    render('/team/app/changelog');
    expect(await screen.findByText('showing 3 out of 250 revisions')).toBeTruthy();
    expect(document.querySelectorAll('[data-testid="graph-node"]')).toHaveLength(3);
    expect(screen.getByText('v1')).toBeTruthy();
    // avatars at twice the shown size, only where the server sent a template
    expect([...document.querySelectorAll('img.avatar')].map((i) => i.getAttribute('src'))).toEqual(['https://avatars.example/{md5email}?s=32']);
    expect(screen.queryByText('with details')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the full message' }));
    expect(screen.getByText('with details')).toBeTruthy();
  });

  it('remembers the page size and offers open and closed branches', async () => {
    render('/team/app/changelog');
    await screen.findByText('showing 3 out of 250 revisions');
    expect(server.calls.some((c) => c.url.searchParams.get('size') === '100')).toBe(true);
    fireEvent.change(screen.getByLabelText('Page size'), { target: { value: '20' } });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/team/app/changelog?size=20'));
    expect(localStorage.getItem('grove.changelog.size')).toBe('20');
    const options = [...(screen.getByLabelText('Branch filter') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['None', 'default', '-', '(closed) old']);
  });

  it('uses the remembered size on the next visit', async () => {
    localStorage.setItem('grove.changelog.size', '50');
    render('/team/app/changelog');
    await screen.findByText('showing 3 out of 250 revisions');
    expect(server.calls.find((c) => c.url.pathname.endsWith('/changelog'))!.url.searchParams.get('size')).toBe('50');
  });

  it('selecting two changesets opens the range oldest...newest', async () => {
    render('/team/app/changelog');
    await screen.findByText('showing 3 out of 250 revisions');
    fireEvent.click(screen.getByLabelText(`Select ${changesets[0]!.shortId}`));
    fireEvent.click(screen.getByLabelText(`Select ${changesets[2]!.shortId}`));
    fireEvent.click(screen.getByRole('button', { name: /Show selected changesets/ }));
    expect(screen.getByTestId('where').textContent).toBe(`/team/app/changeset/${changesets[2]!.rawId.slice(0, 12)}...${changesets[0]!.rawId.slice(0, 12)}`);
  });

  it('moves a cursor with j/k and opens the changeset with Enter', async () => {
    render('/team/app/changelog');
    await screen.findByText('showing 3 out of 250 revisions');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'k' });
    fireEvent.keyDown(window, { key: 'j' });
    const rows = screen.getAllByTestId('changelog-row');
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe(`/team/app/changeset/${changesets[1]!.rawId}`);
  });
});
