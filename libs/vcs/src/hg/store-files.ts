import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FLAG_INLINE_DATA = 1 << 16;
const ENTRY_SIZE = 64;

/** Repository requirements; with `share-safe` the store's own live in `.hg/store/requires`. */
async function requirements(repoPath: string): Promise<Set<string>> {
  const read = async (file: string): Promise<string[]> => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const reqs = new Set(await read(join(repoPath, '.hg', 'requires')));
  if (reqs.has('share-safe')) for (const r of await read(join(repoPath, '.hg', 'store', 'requires'))) reqs.add(r);
  return reqs;
}

/**
 * Number of revisions in the changelog, read from `00changelog.i` without starting hg (revlog v1:
 * 64-byte index entries, data interleaved when the revlog is inline). Returns null for formats this
 * reader does not know (the caller then asks hg).
 */
export async function readChangelogLength(repoPath: string): Promise<number | null> {
  const req = await requirements(repoPath);
  if ([...req].some((r) => r.includes('revlogv2') || r.includes('changelogv2'))) return null;
  const file = req.has('store') ? join(repoPath, '.hg', 'store', '00changelog.i') : join(repoPath, '.hg', '00changelog.i');
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return 0;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const header = Buffer.alloc(4);
    await handle.read(header, 0, 4, 0);
    const word = header.readUInt32BE(0);
    const version = word & 0xffff;
    if (version !== 1 && version !== 0) return null;
    if (version === 0) return Math.floor(size / 76); // revlog v0 (ancient repositories)
    if (!(word & FLAG_INLINE_DATA)) return Math.floor(size / ENTRY_SIZE);
    // Inline: walk entry by entry, skipping each entry's compressed data.
    let count = 0;
    let offset = 0;
    const lengthField = Buffer.alloc(4);
    while (offset + ENTRY_SIZE <= size) {
      await handle.read(lengthField, 0, 4, offset + 8);
      offset += ENTRY_SIZE + lengthField.readUInt32BE(0);
      count++;
    }
    return count;
  } finally {
    await handle.close();
  }
}

/** Bookmarks (name → node) from `.hg/bookmarks` (or the store, with `bookmarksinstore`). */
export async function readBookmarks(repoPath: string): Promise<Record<string, string>> {
  const req = await requirements(repoPath);
  const file = req.has('bookmarksinstore') ? join(repoPath, '.hg', 'store', 'bookmarks') : join(repoPath, '.hg', 'bookmarks');
  const out: Record<string, string> = {};
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{40}) (.+)$/.exec(line);
    if (m) out[m[2]] = m[1];
  }
  return out;
}

/** Phase roots from `.hg/store/phaseroots`: draft and secret roots (nodes). */
export async function readPhaseRoots(repoPath: string): Promise<{ draft: string[]; secret: string[] }> {
  const out = { draft: [] as string[], secret: [] as string[] };
  let text = '';
  try {
    text = await readFile(join(repoPath, '.hg', 'store', 'phaseroots'), 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const m = /^(\d+) ([0-9a-f]{40})$/.exec(line);
    if (!m) continue;
    if (m[1] === '1') out.draft.push(m[2]);
    else if (m[1] === '2') out.secret.push(m[2]);
  }
  return out;
}
