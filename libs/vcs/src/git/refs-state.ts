import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Branches, tags and HEAD of a git repository, read with one `git for-each-ref`. */
export interface GitRefs {
  /** Branch name → commit id. */
  branches: Map<string, string>;
  /** Tag name → commit id (annotated tags peeled; tags of non-commits left out). */
  tags: Map<string, string>;
  /** Every ref (full name) → the commit it peels to, for exact `refs/...` lookups. */
  all: Map<string, string>;
  /** The branch HEAD points to (without `refs/heads/`), or null when detached/unborn. */
  headBranch: string | null;
  /** The commit HEAD resolves to, or null in an empty repository. */
  headOid: string | null;
  /** Commit id → names of the branches it is the head of. */
  branchesByOid: Map<string, string[]>;
  /** Commit id → tag names pointing at it. */
  tagsByOid: Map<string, string[]>;
}

/** Parses `git for-each-ref --format='%(objectname) %(objecttype) %(*objectname) %(*objecttype) %(refname)'`. */
export function parseForEachRef(output: string, headText: string): GitRefs {
  const branches = new Map<string, string>();
  const tags = new Map<string, string>();
  const all = new Map<string, string>();
  for (const line of output.split('\n')) {
    if (!line) continue;
    const [oid, type, peeled, peeledType, ...rest] = line.split(' ');
    const refname = rest.join(' ');
    const commit = type === 'commit' ? oid : peeledType === 'commit' ? peeled : undefined;
    if (!commit) continue;
    all.set(refname, commit);
    if (refname.startsWith('refs/heads/')) branches.set(refname.slice(11), commit);
    else if (refname.startsWith('refs/tags/')) tags.set(refname.slice(10), commit);
  }
  const symref = /^ref: (refs\/\S+)/.exec(headText.trim());
  const headBranch = symref?.[1]?.startsWith('refs/heads/') ? symref[1].slice(11) : null;
  const detached = /^[0-9a-f]{40}$/.test(headText.trim()) ? headText.trim() : null;
  const headOid = headBranch ? (branches.get(headBranch) ?? null) : detached;
  const branchesByOid = invert(branches);
  const tagsByOid = invert(tags);
  return { branches, tags, all, headBranch, headOid, branchesByOid, tagsByOid };
}

function invert(map: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, oid] of map) {
    const list = out.get(oid);
    if (list) list.push(name);
    else out.set(oid, [name]);
  }
  return out;
}

// Timestamps that recent may not have moved yet on coarse-grained file systems: trust content then.
const RECENT_MS = 2500;

/**
 * A cheap fingerprint of everything `--all` depends on (HEAD, packed-refs, loose refs): directory
 * and file stamps, or, when something changed very recently, a hash of the ref files' contents.
 * Equal fingerprints mean the refs (and so the changelog numbering) did not change.
 */
export async function refsFingerprint(gitDir: string): Promise<string> {
  const parts: string[] = [];
  let recent = false;
  const now = Date.now();
  const note = async (rel: string): Promise<void> => {
    try {
      const s = await stat(join(gitDir, rel));
      parts.push(`${rel}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`);
      if (now - Math.max(s.mtimeMs, s.ctimeMs) < RECENT_MS) recent = true;
    } catch {
      parts.push(`${rel}:-`);
    }
  };
  await note('HEAD');
  await note('packed-refs');
  const dirs = ['refs'];
  const files: string[] = [];
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    await note(dir);
    let entries;
    try {
      entries = await readdir(join(gitDir, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) dirs.push(`${dir}/${e.name}`);
      else files.push(`${dir}/${e.name}`);
    }
  }
  if (!recent) return parts.join('|');
  // Rewriting a loose ref renames a lock file over it; with coarse stamps only the content tells.
  const hash = createHash('sha1');
  for (const rel of ['HEAD', 'packed-refs', ...files.sort()]) {
    hash.update(rel);
    try {
      hash.update(await readFile(join(gitDir, rel)));
    } catch {
      hash.update('-');
    }
  }
  return `content:${hash.digest('hex')}`;
}
