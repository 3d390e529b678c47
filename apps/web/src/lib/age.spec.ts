import { formatAge, formatExactDate } from './age';
import { translator } from './i18n';
import { en } from '../locales/en';

const t = translator(en);
const now = new Date('2026-06-15T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [1, '1 second ago'],
    [59, '59 seconds ago'],
    [60, '1 minute ago'],
    [3 * 60 + 5, '3 minutes and 5 seconds ago'],
    [2 * 86400 + 3 * 3600, '2 days and 3 hours ago'],
    [2 * 86400 + 40, '2 days ago'],
    [400 * 86400, '1 year and 1 month ago'],
    [-300, 'in 5 minutes'],
  ])('%s seconds → %s', (seconds, expected) => {
    expect(formatAge(ago(seconds), now, t)).toBe(expected);
  });

  it('short form keeps one unit', () => {
    expect(formatAge(ago(2 * 86400 + 3 * 3600), now, t, true)).toBe('2 days ago');
  });

  it('formats exact dates', () => {
    expect(formatExactDate(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });
});
