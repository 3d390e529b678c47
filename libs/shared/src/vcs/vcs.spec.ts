import { diffStatsBar } from './diff';
import { showId } from './repository';

describe('diffStatsBar', () => {
  test('splits the width in proportion to added and deleted lines', () => {
    expect(diffStatsBar({ added: 30, deleted: 70 })).toEqual({ added: 30, deleted: 70 });
    expect(diffStatsBar({ added: 5, deleted: 0 })).toEqual({ added: 100, deleted: 0 });
    expect(diffStatsBar({ added: 0, deleted: 0 })).toEqual({ added: 0, deleted: 0 });
  });

  test('keeps a non-zero side visible at 9 % and the total at the width', () => {
    expect(diffStatsBar({ added: 1, deleted: 199 })).toEqual({ added: 9, deleted: 91 });
    expect(diffStatsBar({ added: 199, deleted: 1 })).toEqual({ added: 91, deleted: 9 });
    expect(diffStatsBar({ added: 1, deleted: 99 }, 200)).toEqual({ added: 18, deleted: 182 });
  });
});

describe('showId', () => {
  const cs = { rawId: 'a53d9201d4bc278910d416d94941b7ea007ecd52', revision: 656 };
  test('shows 12 hex digits by default', () => {
    expect(showId(cs)).toBe('a53d9201d4bc');
  });
  test('shows the revision number when asked', () => {
    expect(showId(cs, { showRevisionNumber: true })).toBe('r656:a53d9201d4bc');
    expect(showId(cs, { length: 6 })).toBe('a53d92');
  });
});
