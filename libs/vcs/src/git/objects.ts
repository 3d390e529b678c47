import type { VcsDate } from '@grove/shared';
import { decodeBytes } from '../names';

/** A parsed git commit object. */
export interface GitCommit {
  oid: string;
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
}

/** `Name <email> time tz` of an author or committer line. */
export interface GitSignature {
  name: string;
  email: string;
  /** `Name <email>` as recorded. */
  raw: string;
  date: VcsDate;
}

/** One entry of a tree object. */
export interface GitTreeEntry {
  mode: string;
  /** Decoded name (UTF-8, Latin-1 fallback). */
  name: string;
  /** The name's bytes as stored. */
  rawName: Buffer;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
}

/** The id of the empty tree (diffs of root commits start from it). */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Parses a raw commit object. The message honours an `encoding` header (Latin-1 family) and else falls back to Latin-1 for invalid UTF-8. */
export function parseCommit(oid: string, data: Buffer): GitCommit {
  const split = data.indexOf('\n\n');
  const headerEnd = split < 0 ? data.length : split;
  const headers = data.subarray(0, headerEnd).toString('utf8').split('\n');
  let tree = '';
  const parents: string[] = [];
  let author = '';
  let committer = '';
  let encoding = '';
  for (const line of headers) {
    if (line.startsWith(' ')) continue; // continuation (gpgsig, mergetag)
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'tree') tree = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = value;
    else if (key === 'committer') committer = value;
    else if (key === 'encoding') encoding = value.toLowerCase();
  }
  const body = split < 0 ? Buffer.alloc(0) : data.subarray(split + 2);
  const message = /^(iso-?8859-1|latin-?1|cp1252|windows-1252)$/.test(encoding) ? body.toString('latin1') : decodeBytes(body);
  const rawAuthor = headerLine(data, 'author') ?? Buffer.from(author);
  const rawCommitter = headerLine(data, 'committer') ?? Buffer.from(committer);
  return { oid, tree, parents, author: parseSignature(decodeBytes(rawAuthor)), committer: parseSignature(decodeBytes(rawCommitter)), message };
}

function headerLine(data: Buffer, key: string): Buffer | undefined {
  const start = data.indexOf(`\n${key} `);
  const at = data.subarray(0, key.length + 1).toString('latin1') === `${key} ` ? 0 : start < 0 ? -1 : start + 1;
  if (at < 0) return undefined;
  const end = data.indexOf(0x0a, at);
  return data.subarray(at + key.length + 1, end < 0 ? data.length : end);
}

/** Parses `Name <email> 1330901921 +0100`. */
export function parseSignature(value: string): GitSignature {
  const m = /^(.*?) ?<([^>]*)> ?(-?\d+)? ?([+-]\d{4})?\s*$/.exec(value);
  if (!m) return { name: value, email: '', raw: value, date: { timestamp: 0, offset: 0 } };
  const name = m[1] ?? '';
  const email = m[2] ?? '';
  const tz = m[4] ?? '+0000';
  const sign = tz.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  return { name, email, raw: name ? `${name} <${email}>` : `<${email}>`, date: { timestamp: Number(m[3] ?? 0), offset } };
}

/** Parses a raw tree object (`mode SP name NUL 20-byte id`, repeated). */
export function parseTree(data: Buffer): GitTreeEntry[] {
  const entries: GitTreeEntry[] = [];
  let pos = 0;
  while (pos < data.length) {
    const sp = data.indexOf(0x20, pos);
    const nul = data.indexOf(0, sp);
    if (sp < 0 || nul < 0 || nul + 21 > data.length) break;
    const mode = data.subarray(pos, sp).toString('latin1').padStart(6, '0');
    const rawName = Buffer.from(data.subarray(sp + 1, nul));
    const oid = data.subarray(nul + 1, nul + 21).toString('hex');
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ mode, name: decodeBytes(rawName), rawName, oid, type });
    pos = nul + 21;
  }
  return entries;
}

/** Parses `.gitmodules` (git config syntax) into path → url. */
export function parseGitmodules(text: string): Map<string, string> {
  const byName = new Map<string, { path?: string; url?: string }>();
  let current: { path?: string; url?: string } | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[submodule\s+"(.*)"\]$/.exec(line);
    if (section) {
      current = byName.get(section[1]) ?? {};
      byName.set(section[1], current);
      continue;
    }
    if (line.startsWith('[')) {
      current = undefined;
      continue;
    }
    const kv = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line);
    if (kv && current) {
      const key = kv[1].toLowerCase();
      const value = kv[2].replace(/^"(.*)"$/, '$1');
      if (key === 'path') current.path = value;
      if (key === 'url') current.url = value;
    }
  }
  const out = new Map<string, string>();
  for (const v of byName.values()) if (v.path && v.url) out.set(v.path, v.url);
  return out;
}
