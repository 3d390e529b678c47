/**
 * Kallithea's git revision numbers: the position of each commit in
 * `git rev-list --all --date-order --reverse` (web-ui.md §0), with parents and commit times,
 * held in memory so that paging, counting, filtering and the graph need no process.
 */
export class RevIndex {
  /** Revision number → commit id. */
  readonly oids: string[] = [];
  /** Revision number → parent revision numbers. */
  readonly parents: number[][] = [];
  /** Revision number → committer time (Unix seconds). */
  readonly times: number[] = [];
  private readonly revByOid = new Map<string, number>();
  private childrenCache: number[][] | undefined;
  private readonly ancestorCache = new Map<number, Uint8Array>();

  /** Parses `git rev-list --all --date-order --reverse --parents --timestamp` output. */
  static parse(output: string): RevIndex {
    const index = new RevIndex();
    const lines = output.split('\n');
    for (const line of lines) {
      if (!line) continue;
      const parts = line.split(' ');
      const rev = index.oids.length;
      index.oids.push(parts[1]);
      index.times.push(Number(parts[0]));
      index.revByOid.set(parts[1], rev);
    }
    for (const line of lines) {
      if (!line) continue;
      const parts = line.split(' ');
      const parents: number[] = [];
      for (let i = 2; i < parts.length; i++) {
        const p = index.revByOid.get(parts[i]);
        if (p !== undefined) parents.push(p);
      }
      index.parents.push(parents);
    }
    return index;
  }

  get size(): number {
    return this.oids.length;
  }

  rev(oid: string): number | undefined {
    return this.revByOid.get(oid);
  }

  /** Commit ids starting with `prefix` (for short hashes). */
  matchPrefix(prefix: string, max = 2): string[] {
    const out: string[] = [];
    for (const oid of this.oids) {
      if (oid.startsWith(prefix)) {
        out.push(oid);
        if (out.length >= max) break;
      }
    }
    return out;
  }

  /** Revision number → child revision numbers. */
  children(rev: number): number[] {
    if (!this.childrenCache) {
      const children: number[][] = this.oids.map(() => []);
      this.parents.forEach((ps, r) => {
        for (const p of ps) children[p].push(r);
      });
      this.childrenCache = children;
    }
    return this.childrenCache[rev] ?? [];
  }

  /** Membership bitmap of `rev` and all its ancestors (cached for a few heads). */
  ancestors(rev: number): Uint8Array {
    const cached = this.ancestorCache.get(rev);
    if (cached) return cached;
    const seen = new Uint8Array(this.oids.length);
    const stack = [rev];
    seen[rev] = 1;
    while (stack.length > 0) {
      const r = stack.pop()!;
      for (const p of this.parents[r]) {
        if (!seen[p]) {
          seen[p] = 1;
          stack.push(p);
        }
      }
    }
    if (this.ancestorCache.size >= 16) this.ancestorCache.delete(this.ancestorCache.keys().next().value!);
    this.ancestorCache.set(rev, seen);
    return seen;
  }
}
