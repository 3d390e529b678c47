import type { GraphEdge, GraphRow } from '@grove/shared';

/** Per-changeset flags drawn by the graph. */
export interface GraphNodeFlags {
  closesBranch: boolean;
  obsolete: boolean;
  bumped: boolean;
  divergent: boolean;
  extinct: boolean;
  unstable: boolean;
}

/** What {@link computeGraph} needs to know about the DAG. */
export interface GraphSource {
  /** Parent revision numbers (the null revision already dropped). Called for page revisions and their off-page ancestors. */
  parents(rev: number): readonly number[];
  /** The branch of a revision, or null when unknown (git commits that head no branch). */
  branch(rev: number): string | null;
  /** Flags of a page revision. */
  flags(rev: number): GraphNodeFlags;
}

// A parent that continues off-page is stood for by a "fake" node: -(p + 1), so that p = 0 stays distinct.
const fake = (p: number): number => -(p + 1);
const isFake = (n: number): boolean => n < 0;
const realRev = (n: number): number => (n < 0 ? -n - 1 : n);

/**
 * Lays out the changelog DAG for one page, exactly as web-ui.md §3.8 describes Kallithea's
 * algorithm: `revs` are the page's revision numbers newest first; returns one {@link GraphRow} per rev.
 */
export function computeGraph(revs: readonly number[], source: GraphSource): GraphRow[] {
  if (revs.length === 0) return [];
  const dag = visibleParents(revs, source);
  const rows: GraphRow[] = [];
  const branchCache = new Map<number, string | null>();
  const branchOf = (rev: number): string | null => {
    if (!branchCache.has(rev)) branchCache.set(rev, source.branch(rev));
    return branchCache.get(rev) ?? null;
  };

  let row: number[] = [];
  const colors = new Map<number, number>();
  const obs = new Map<number, 0 | 1>();
  let nextColor = 1;

  for (const [rev, dagparents] of dag) {
    const flags = source.flags(rev);
    if (!row.includes(rev)) {
      row.push(rev);
      colors.set(rev, nextColor++);
      obs.set(rev, flags.obsolete ? 1 : 0);
    }
    const col = row.indexOf(rev);
    const add = dagparents.filter((p) => !row.includes(p));

    const tmprow = [...row.slice(0, col), ...[...add].reverse(), ...row.slice(col + 1)];
    const nextrow: number[] = [];
    for (const r of tmprow) {
      if (!isFake(r) || dagparents.includes(r)) {
        nextrow.push(r);
      } else {
        colors.delete(r);
        obs.delete(r);
      }
    }

    // The rev's colour is inherited by its first parent on the same (or an unknown) branch.
    const color = colors.get(rev)!;
    colors.delete(rev);
    if (add.length > 0) {
      const b = branchOf(rev);
      let searching = true;
      for (const p of [...add].reverse()) {
        obs.set(p, isFake(p) ? 0 : source.flags(p).obsolete ? 1 : 0);
        const pb = branchOf(realRev(p));
        if (searching && (pb === b || pb === null)) {
          colors.set(p, color);
          searching = false;
        } else {
          colors.set(p, nextColor++);
        }
      }
    }

    const edges: GraphEdge[] = [];
    row.forEach((e, i) => {
      if (nextrow.includes(e)) {
        edges.push([i, nextrow.indexOf(e), colors.get(e)!, obs.get(e) ?? 0]);
      } else if (e === rev) {
        for (const p of dagparents) edges.push([i, nextrow.indexOf(p), colors.get(p)!, obs.get(p) ?? 0]);
      }
    });

    rows.push([
      [col, color],
      edges,
      flags.closesBranch ? 1 : 0,
      flags.obsolete ? 1 : 0,
      flags.bumped ? 1 : 0,
      flags.divergent ? 1 : 0,
      flags.extinct ? 1 : 0,
      flags.unstable ? 1 : 0,
    ]);
    row = nextrow;
  }
  return rows;
}

/**
 * Step 1 of §3.8: for each page revision, its parents as seen on the page: direct parents on the
 * page, the first on-page ancestors of off-page parents, and one fake node per parent whose
 * history continues below the page. Returns `[rev, sorted dagparents]` pairs, fakes first.
 */
export function visibleParents(revs: readonly number[], source: Pick<GraphSource, 'parents'>): Array<[number, number[]]> {
  const known = new Set(revs);
  const minrev = revs[revs.length - 1];
  const cache = new Map<number, Set<number>>();
  const firstKnownAncestors = (head: number): Set<number> => {
    const pending = [head];
    const seen = new Set<number>();
    const found = new Set<number>();
    while (pending.length > 0) {
      const r = pending.pop()!;
      if (r < minrev) {
        if (r >= 0) found.add(fake(head));
      } else if (known.has(r)) {
        found.add(r);
      } else if (!seen.has(r)) {
        seen.add(r);
        for (const p of source.parents(r)) pending.push(p);
      }
    }
    return found;
  };
  const out: Array<[number, number[]]> = [];
  for (const rev of revs) {
    const parents = new Set(source.parents(rev).filter((p) => p >= 0));
    const dagparents = new Set<number>();
    for (const p of parents) {
      if (known.has(p)) {
        dagparents.add(p);
        continue;
      }
      let anc = cache.get(p);
      if (!anc) {
        anc = firstKnownAncestors(p);
        cache.set(p, anc);
      }
      for (const a of anc) dagparents.add(a);
    }
    out.push([rev, sortDagParents([...dagparents])]);
  }
  return out;
}

/** Python's sorted() over Kallithea's encoding (fakes as -p): fakes first, by descending p; then real revs ascending. */
function sortDagParents(parents: number[]): number[] {
  const key = (n: number): number => (isFake(n) ? -realRev(n) - 0.5 : n);
  return parents.sort((a, b) => key(a) - key(b));
}
