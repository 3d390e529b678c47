// Expected rows are worked out by hand from the algorithm in web-ui.md §3.8.
import { computeGraph, visibleParents, type GraphNodeFlags, type GraphSource } from './graph';

const none: GraphNodeFlags = { closesBranch: false, obsolete: false, bumped: false, divergent: false, extinct: false, unstable: false };

function source(parents: Record<number, number[]>, branches: Record<number, string | null> = {}, flags: Record<number, Partial<GraphNodeFlags>> = {}): GraphSource {
  return {
    parents: (r) => parents[r] ?? [],
    branch: (r) => (r in branches ? branches[r]! : 'default'),
    flags: (r) => ({ ...none, ...flags[r] }),
  };
}

const row = (col: number, colour: number, edges: Array<[number, number, number, 0 | 1]>, obsolete: 0 | 1 = 0) => [[col, colour], edges, 0, obsolete, 0, 0, 0, 0];

describe('computeGraph', () => {
  test('a branch and a merge on one page', () => {
    const dag = source({ 0: [], 1: [0], 2: [0], 3: [1, 2], 4: [3] });
    expect(computeGraph([4, 3, 2, 1, 0], dag)).toEqual([
      row(0, 1, [[0, 0, 1, 0]]),
      row(0, 1, [
        [0, 1, 2, 0],
        [0, 0, 1, 0],
      ]),
      row(0, 1, [
        [0, 0, 1, 0],
        [1, 1, 2, 0],
      ]),
      row(1, 2, [
        [0, 0, 1, 0],
        [1, 0, 1, 0],
      ]),
      row(0, 1, []),
    ]);
  });

  test('parents below the page become fake nodes that end after their row (rev 0 included)', () => {
    const dag = source({ 0: [], 1: [0], 2: [1], 3: [0], 4: [2, 3] });
    expect(visibleParents([4, 3], dag)).toEqual([
      [4, [-3, 3]],
      [3, [-1]],
    ]);
    expect(computeGraph([4, 3], dag)).toEqual([
      row(0, 1, [
        [0, 1, 2, 0],
        [0, 0, 1, 0],
      ]),
      row(0, 1, [[0, 0, 1, 0]]),
    ]);
  });

  test('off-page changesets between two page revisions are skipped to the first known ancestor', () => {
    // page shows 5 and 1 only (e.g. a branch filter): 5 -> 4 -> 3 -> 1
    const dag = source({ 0: [], 1: [0], 2: [1], 3: [1], 4: [3], 5: [4] });
    expect(visibleParents([5, 1], dag)).toEqual([
      [5, [1]],
      [1, [-1]],
    ]);
  });

  test('colours follow named branches; unknown (git) branches inherit; obsolete parents give obsolete edges', () => {
    const hg = source({ 0: [], 1: [0], 2: [1] }, { 0: 'default', 1: 'stable', 2: 'default' });
    expect(computeGraph([2, 1, 0], hg)).toEqual([row(0, 1, [[0, 0, 2, 0]]), row(0, 2, [[0, 0, 3, 0]]), row(0, 3, [])]);
    const git = source({ 0: [], 1: [0], 2: [1] }, { 0: null, 1: null, 2: 'master' }, { 1: { obsolete: true } });
    expect(computeGraph([2, 1, 0], git)).toEqual([row(0, 1, [[0, 0, 1, 1]]), row(0, 1, [[0, 0, 1, 0]], 1), row(0, 1, [])]);
  });

  test('emits the drawing flags of each node', () => {
    const dag = source({ 0: [], 1: [0] }, {}, { 1: { closesBranch: true, bumped: true, divergent: true, extinct: true, unstable: true } });
    const [first] = computeGraph([1, 0], dag);
    expect(first!.slice(2)).toEqual([1, 0, 1, 1, 1, 1]);
  });

  test('an empty page has no rows', () => {
    expect(computeGraph([], source({}))).toEqual([]);
  });
});
