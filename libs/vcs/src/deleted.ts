import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A repository or group directory archived by deletion (`rm__<stamp>__<name>` / `rm__<stamp>_GROUP_<name>`). */
export interface DeletedEntry {
  /** path relative to the repositories root, usable with `VcsService.purge` */
  name: string;
  kind: 'repository' | 'group';
  /** when it was deleted (the stamp is server-local time, as Kallithea writes it) */
  deletedAt: Date;
  /** the name it had */
  originalName: string;
}

const STAMPED = /^rm__(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})_(\d{6})(?:__(.+)|_GROUP_(.+))$/;

/** Parses an `rm__…` directory name; null when it is not one. */
export function parseDeletedName(base: string): { deletedAt: Date; kind: 'repository' | 'group'; originalName: string } | null {
  const m = STAMPED.exec(base);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, us] = m.map(Number) as number[];
  const deletedAt = new Date(y!, mo! - 1, d!, h!, mi!, s!, Math.floor(us! / 1000));
  return m[8] !== undefined ? { deletedAt, kind: 'repository', originalName: m[8] } : { deletedAt, kind: 'group', originalName: m[9]! };
}

/**
 * Every `rm__` entry under the root: repositories archived in their group directories and groups
 * archived at the top. Does not descend into repositories or archived entries.
 */
export async function listDeletedEntries(reposRoot: string): Promise<DeletedEntry[]> {
  const found: DeletedEntry[] = [];
  const visit = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(rel ? join(reposRoot, rel) : reposRoot, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    // a repository directory: stop here
    if (names.has('.hg') || (names.has('HEAD') && names.has('objects') && names.has('refs'))) return;
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      const parsed = parseDeletedName(entry.name);
      if (parsed) found.push({ name, ...parsed, originalName: rel && parsed.kind === 'repository' ? `${rel}/${parsed.originalName}` : parsed.originalName });
      else await visit(name);
    }
  };
  await visit('');
  return found.sort((a, b) => a.deletedAt.getTime() - b.deletedAt.getTime());
}
