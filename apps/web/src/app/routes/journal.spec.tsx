import type { JournalEntryDto } from '@grove/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { installFakeFetch } from '../../testing/fake-fetch';
import { renderWithProviders } from '../../testing/render';
import { JournalRoute } from './journal';

const hash = (n: number) => n.toString(16).padStart(40, '0');
const entry = (id: number, username: string, repo: string | null, action: string, parameter: string | null, date: string): JournalEntryDto => ({
  id, user: { id, username, email: '', avatarUrl: null }, username, action, parameter,
  repository: repo ? { id, name: repo } : null, repositoryName: repo ?? 'gone', ip: null, date,
});

// 60 pushed hashes, newest first
const pushed = Array.from({ length: 60 }, (_, i) => hash(1000 - i));
const items = [
  entry(1, 'ann', 'team/app', 'push', pushed.join(','), '2026-01-02T10:00:00Z'),
  entry(2, 'bob', 'team/lib', 'started_following_repo', null, '2026-01-02T09:00:00Z'),
  entry(3, 'ann', 'team/web', 'push', [hash(1), hash(2), hash(3), hash(4), hash(5)].join(','), '2026-01-02T08:00:00Z'),
];

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname}</output>;
}

const render = () =>
  renderWithProviders(
    <Routes>
      <Route
        path="*"
        element={
          <>
            <JournalRoute kind="public" />
            <Where />
          </>
        }
      />
    </Routes>,
    { route: '/_admin/public_journal' },
  );

describe('JournalRoute', () => {
  let server: ReturnType<typeof installFakeFetch>;
  beforeEach(() => {
    server = installFakeFetch(({ url }) =>
      url.pathname === '/api/v1/journal/public' ? { body: { items, total: 3, page: 1, size: 20 } } : { status: 404, body: { message: 'unexpected' } },
    );
  });
  afterEach(() => server.restore());

  it('expands "and N more revisions" up to 50 hashes, then an ellipsis', async () => {
    render();
    const [first] = await screen.findAllByTestId('journal-entry');
    expect(within(first!).getAllByRole('link', { name: /^[0-9a-f]{12}$/ })).toHaveLength(3);
    fireEvent.click(within(first!).getByRole('button', { name: 'and 57 more revisions' }));
    const links = within(first!).getAllByRole('link', { name: /^[0-9a-f]{12}$/ });
    expect(links).toHaveLength(50);
    expect(links[49]!.getAttribute('href')).toBe(`/team/app/changeset/${pushed[49]}`);
    expect(first!.textContent).toContain('…');
    expect(within(first!).queryByRole('button', { name: /more revisions/ })).toBeNull();
    // the range link stays
    expect(within(first!).getByRole('link', { name: 'Compare view' })).toBeTruthy();
  });

  it('walks the entries in display order with j/k and opens the repository with Enter', async () => {
    render();
    await screen.findAllByTestId('journal-entry');
    // ann's two entries are grouped before bob's
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    const rows = screen.getAllByTestId('journal-entry');
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/team/web');
  });
});
