import type { RepoDetail } from '@grove/shared';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { RepoContextProvider } from '../repo-context';
import { RepoHeader } from './repo-header';

const repo = { id: 7, name: 'team/app', shortName: 'app', type: 'hg', permission: 'repository.read', forkOf: null, private: false } as unknown as RepoDetail;
const hash = 'a'.repeat(40);

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function serve() {
  return installFakeFetch(({ url }) => {
    if (url.pathname === '/api/v1/me') return { status: 401, body: { message: 'no' } };
    if (url.pathname === '/api/v1/repos/_7/refs')
      return {
        body: {
          branches: [{ name: 'default', rawId: hash }, { name: 'stable', rawId: hash }],
          closedBranches: [{ name: 'old', rawId: hash }],
          tags: [{ name: 'v1.0', rawId: hash }],
          bookmarks: [{ name: 'feature', rawId: hash }],
          defaultBranch: 'default',
          tip: hash,
        },
      };
    return { status: 404, body: { message: 'unexpected' } };
  });
}

const render = (page: string, route: string) =>
  renderWithProviders(
    <RepoContextProvider value={{ repo, base: 'team/app', ref: '_7' }}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <RepoHeader page={page} />
              <Where />
            </>
          }
        />
      </Routes>
    </RepoContextProvider>,
    { route },
  );

describe('RepoHeader "Switch To"', () => {
  let server: ReturnType<typeof serve>;
  beforeEach(() => (server = serve()));
  afterEach(() => server.restore());

  it('groups branches, closed branches, tags and bookmarks', async () => {
    render('summary', '/team/app');
    const select = (await screen.findByLabelText('Switch To')) as HTMLSelectElement;
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ['Branches', ['default', 'stable']],
      ['Closed branches', ['old']],
      ['Tags', ['v1.0']],
      ['Bookmarks', ['feature']],
    ]);
  });

  it('on the files pages goes to the files at that ref', async () => {
    render('files', '/team/app/files/tip/docs');
    fireEvent.change(await screen.findByLabelText('Switch To'), { target: { value: 'tag:v1.0' } });
    expect(screen.getByTestId('where').textContent).toBe('/team/app/files/v1.0/');
  });

  it('elsewhere filters the changelog by it', async () => {
    render('changeset', `/team/app/changeset/${hash}`);
    fireEvent.change(await screen.findByLabelText('Switch To'), { target: { value: 'closed:old' } });
    expect(screen.getByTestId('where').textContent).toBe('/team/app/changelog?branch=old');
  });
});
