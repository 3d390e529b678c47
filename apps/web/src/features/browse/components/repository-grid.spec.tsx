import type { BrowseResponse } from '@grove/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { renderWithProviders } from '../../../testing/render';
import { RepositoryGrid, truncate } from './repository-grid';

const data: BrowseResponse = {
  group: null,
  groups: [{ id: 1, name: 'team', shortName: 'team', description: 'The team', owner: 'admin' }],
  repositories: {
    items: [
      {
        id: 7,
        name: 'alpha',
        shortName: 'alpha',
        type: 'hg',
        private: true,
        description: 'x'.repeat(100),
        owner: 'alice',
        forkOf: { id: 3, name: 'upstream' },
        state: 'repo_state_created',
        updatedOn: new Date().toISOString(),
        tip: { rawId: 'f'.repeat(40), shortId: 'ffffffffffff', revision: 42, message: 'fix', author: 'Alice <a@x>', date: '' },
      },
      {
        id: 8,
        name: 'beta',
        shortName: 'beta',
        type: 'git',
        private: false,
        description: 'Beta <b>bold</b>',
        owner: 'bob',
        forkOf: null,
        state: 'repo_state_created',
        updatedOn: new Date().toISOString(),
        tip: null,
      },
    ],
    total: 2,
    page: 1,
    size: 100,
  },
  canCreateRepository: false,
  canCreateGroup: false,
};

describe('RepositoryGrid', () => {
  it('lists groups before repositories with type, tip, fork and privacy', () => {
    renderWithProviders(<RepositoryGrid data={data} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('link', { name: 'team' }).getAttribute('href')).toBe('/team');
    expect(within(rows[1]!).getByText('r42:ffffffffffff')).toBeTruthy();
    expect(within(rows[1]!).getByText('private')).toBeTruthy();
    expect(within(rows[1]!).getByRole('link', { name: 'fork of upstream' }).getAttribute('href')).toBe('/upstream');
    expect(within(rows[2]!).getByText('No changesets yet')).toBeTruthy();
  });

  it('moves a cursor over groups then repositories with j/k; Enter opens the row', () => {
    function Where() {
      return <output data-testid="where">{useLocation().pathname}</output>;
    }
    renderWithProviders(
      <Routes>
        <Route path="*" element={<><RepositoryGrid data={data} /><Where /></>} />
      </Routes>,
    );
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[1]!.getAttribute('aria-current')).toBe('true');
    expect(rows[1]!.className).toBe('repo-row cursor');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/alpha');
  });

  it('renders descriptions as text, never as HTML', () => {
    const { container } = renderWithProviders(<RepositoryGrid data={data} />);
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('Beta <b>bold</b>')).toBeTruthy();
  });

  it('truncates long descriptions at a word boundary', () => {
    expect(truncate('short', 80)).toBe('short');
    expect(truncate('one two three four', 10)).toBe('one two…');
    expect(truncate('x'.repeat(100), 80)).toBe('x'.repeat(80) + '…');
  });
});
