import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { cursorRowProps, useListCursor } from './use-list-cursor';

function List({ urls }: { urls: (string | null)[] }) {
  const cursor = useListCursor(true, urls, 'li');
  const location = useLocation();
  return (
    <>
      <input aria-label="field" />
      <ul>
        {urls.map((u, i) => (
          <li key={i} data-testid="row" {...cursorRowProps(cursor, i)}>
            {u ?? 'none'}
          </li>
        ))}
      </ul>
      <output data-testid="where">{location.pathname}</output>
    </>
  );
}

const renderList = (urls: (string | null)[]) =>
  render(
    <MemoryRouter initialEntries={['/start']}>
      <Routes>
        <Route path="*" element={<List urls={urls} />} />
      </Routes>
    </MemoryRouter>,
  );

const current = () => screen.getAllByTestId('row').findIndex((r) => r.getAttribute('aria-current') === 'true');

describe('useListCursor', () => {
  it('moves with j/k within the bounds and opens the row with Enter', () => {
    renderList(['/a', '/b', '/c']);
    expect(current()).toBe(-1);
    fireEvent.keyDown(window, { key: 'k' });
    expect(current()).toBe(0);
    for (let i = 0; i < 5; i++) fireEvent.keyDown(window, { key: 'j' });
    expect(current()).toBe(2);
    expect(screen.getAllByTestId('row')[2]!.className).toBe('cursor');
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/c');
  });

  it('ignores keys typed into form fields and rows without a URL', () => {
    renderList([null, '/b']);
    fireEvent.keyDown(screen.getByLabelText('field'), { key: 'j' });
    expect(current()).toBe(-1);
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/start');
  });
});
