import type { RepoStatistics } from '@grove/shared';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { CommitActivity } from './commit-activity';

const stats: RepoStatistics = {
  enabled: true,
  processed: 3,
  total: 4,
  days: [
    { day: '2026-03-01', commits: 2 },
    { day: '2026-03-03', commits: 1 },
  ],
  range: { from: '2026-02-01', to: '2026-03-03' },
  authors: [
    { author: 'Ann', day: '2026-03-01', commits: 1, added: 1, changed: 0, removed: 0 },
    { author: 'Ben', day: '2026-03-01', commits: 1, added: 0, changed: 2, removed: 1 },
    { author: 'Ben', day: '2026-03-03', commits: 1, added: 0, changed: 1, removed: 0 },
  ],
  languages: [
    { extension: 'py', files: 2 },
    { extension: '', files: 1 },
  ],
};

const detailBars = () => [...screen.getByRole('img', { name: 'Commits per author' }).querySelectorAll('rect')];

describe('CommitActivity', () => {
  it('shows progress, one overview bar per day with tooltips, and the file types', () => {
    renderWithProviders(<CommitActivity stats={stats} onRangeChange={jest.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Stats gathered: 75 %');
    const overview = [...screen.getByRole('img', { name: 'Commits per day, last year' }).querySelectorAll('rect')];
    expect(overview.map((r) => r.getAttribute('data-day'))).toEqual(['2026-03-01', '2026-03-03']);
    expect(overview[0]!.textContent).toBe('2026-03-01: 2 commit(s)');
    // the busier day gets the taller bar
    expect(Number(overview[0]!.getAttribute('height'))).toBeGreaterThan(Number(overview[1]!.getAttribute('height')));
    expect(screen.getByText('(no extension)')).toBeTruthy();
  });

  it('sums authors, and unchecking one removes it from the detail bars', () => {
    renderWithProviders(<CommitActivity stats={stats} onRangeChange={jest.fn()} />);
    const rows = screen.getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['Ben2031', 'Ann1100']);
    expect(detailBars()[0]!.textContent).toBe('2026-03-01\nAnn: 1 commit(s), 1 added, 0 changed, 0 removed\nBen: 1 commit(s), 0 added, 2 changed, 1 removed');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ben' }));
    expect(detailBars().map((r) => r.getAttribute('data-day'))).toEqual(['2026-03-01']);
    expect(detailBars()[0]!.textContent).toBe('2026-03-01\nAnn: 1 commit(s), 1 added, 0 changed, 0 removed');
  });

  it('moves the detail to the 31 days ending at a clicked day, or to typed dates', () => {
    const onRangeChange = jest.fn();
    renderWithProviders(<CommitActivity stats={stats} onRangeChange={onRangeChange} />);
    fireEvent.click(screen.getByRole('img', { name: 'Commits per day, last year' }).querySelector('rect[data-day="2026-03-03"]')!);
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: '2026-02-01', to: '2026-03-03' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-02-20' } });
    expect(onRangeChange).toHaveBeenLastCalledWith({ from: '2026-02-20', to: '2026-03-03' });
  });
});
