import type { VcsDate } from '@grove/shared';
import { invalidArgument, printable } from './errors';
import type { StatisticsBatch } from './vcs';

/** Splits bytes at every `separator` byte (no empty piece after a final separator). */
export function splitBuffer(buf: Buffer, separator: number): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const at = buf.indexOf(separator, pos);
    const end = at < 0 ? buf.length : at;
    out.push(buf.subarray(pos, end));
    pos = end + 1;
  }
  return out;
}

/** git's heuristic: a NUL byte in the first 8000 bytes makes a file binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/** `start` and `limit` of a listing as whole, non-negative numbers (default page size 100). */
export function paging(query: { start?: number; limit?: number }): { start: number; limit: number } {
  const whole = (n: number | undefined, fallback: number) => (n !== undefined && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : fallback);
  return { start: whole(query.start, 0), limit: whole(query.limit, 100) };
}

/** Splits `Name <email>` (hg user strings may be just a name or just an address). */
export function splitPerson(raw: string): { name: string; email: string } {
  const m = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(raw);
  if (m) return { name: m[1] ?? '', email: m[2] ?? '' };
  if (/^[^\s@]+@[^\s@]+$/.test(raw.trim())) return { name: '', email: raw.trim() };
  return { name: raw.trim(), email: '' };
}

/** Checks an author for a commit: no angle brackets or line breaks that would forge the header. */
export function validateAuthor(author: { name: string; email: string }): void {
  // eslint-disable-next-line no-control-regex
  const bad = /[<>\u0000-\u001f]/;
  if (!author.name || bad.test(author.name)) throw invalidArgument(`Invalid author name ${printable(author.name ?? '')}`);
  if (bad.test(author.email ?? '')) throw invalidArgument(`Invalid author email ${printable(author.email)}`);
}

/** Now, with the server's UTC offset. */
export function nowDate(): VcsDate {
  return { timestamp: Math.floor(Date.now() / 1000), offset: -new Date().getTimezoneOffset() };
}

/** `+0200` for an offset of 120 minutes. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The extension of a path for statistics (`py` for `a/b.py`, `''` for `Makefile`; dot-files count as their name). */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** One changeset's contribution to statistics. */
export interface StatsInput {
  author: string;
  timestamp: number;
  added: readonly string[];
  changed: readonly string[];
  removed: readonly string[];
}

/** Folds changesets into per-author-per-day and per-extension counts. */
export function accumulateStatistics(items: readonly StatsInput[]): Pick<StatisticsBatch, 'authors' | 'commitsPerExtension'> {
  const byKey = new Map<string, StatisticsBatch['authors'][number]>();
  const commitsPerExtension: Record<string, number> = {};
  for (const item of items) {
    const day = new Date(item.timestamp * 1000).toISOString().slice(0, 10);
    const key = `${item.author}\0${day}`;
    let row = byKey.get(key);
    if (!row) {
      row = { author: item.author, day, commits: 0, added: 0, changed: 0, removed: 0 };
      byKey.set(key, row);
    }
    row.commits++;
    row.added += item.added.length;
    row.changed += item.changed.length;
    row.removed += item.removed.length;
    const exts = new Set([...item.added, ...item.changed, ...item.removed].map(extensionOf));
    for (const ext of exts) commitsPerExtension[ext] = (commitsPerExtension[ext] ?? 0) + 1;
  }
  return { authors: [...byKey.values()], commitsPerExtension };
}

/** Counts files per extension. */
export function countExtensions(paths: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of paths) {
    const ext = extensionOf(p);
    out[ext] = (out[ext] ?? 0) + 1;
  }
  return out;
}

/** Validates the directory name placed at the top of an archive. */
export function validateArchivePrefix(prefix: string): string {
  // eslint-disable-next-line no-control-regex
  if (!prefix || prefix.length > 255 || /[/\\\u0000-\u001f]/.test(prefix) || prefix === '.' || prefix === '..' || prefix.startsWith('-')) {
    throw invalidArgument(`Invalid archive prefix ${printable(prefix)}`);
  }
  return prefix;
}
