// Result shapes of Kallithea's JSON-RPC API (spec/jsonrpc-api.md §4): key names, nesting and date
// formats exactly as Kallithea sends them. Pure functions over already loaded data.
import type { Changeset, PermissionEntry } from '@grove/shared';
import type { RepoGroup } from '../repo-groups/repo-group.entity';
import type { Repository } from '../repos/repository.entity';
import type { UserGroup } from '../user-groups/user-group.entity';
import type { User } from '../users/user.entity';

/**
 * A date in the server's local time, naive ISO-8601 (`YYYY-MM-DDTHH:MM:SS`), with `.mmm` only when
 * `withFraction` and the value has a non-zero sub-second part (§4).
 */
export function localDate(date: Date, withFraction = true): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const text = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const ms = date.getMilliseconds();
  return withFraction && ms ? `${text}.${pad(ms, 3)}` : text;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS` as server local time (Kallithea's `strptime` format for
 * `get_changesets` bounds); undefined when the text does not have exactly that form.
 */
export function parseLocalDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second);
  // Reject what Date silently rolls over (Feb 30, hour 25, …).
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hour || date.getMinutes() !== minute || date.getSeconds() !== second) {
    return undefined;
  }
  return date;
}

export interface KallitheaUser {
  user_id: number;
  username: string;
  firstname: string;
  lastname: string;
  email: string;
  emails: string[];
  active: boolean;
  admin: boolean;
}

/** User (exactly the 8 keys of §4; never API keys, IPs, last login or external identity). */
export function toKallitheaUser(user: User, extraEmails: readonly string[]): KallitheaUser {
  return {
    user_id: user.id,
    username: user.username,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email ?? '',
    emails: [...(user.email ? [user.email] : []), ...extraEmails.filter((e) => e !== user.email)],
    active: user.active,
    admin: user.admin,
  };
}

export function toKallitheaUserGroup(group: UserGroup, owner: string, members: KallitheaUser[]) {
  return {
    users_group_id: group.id,
    group_name: group.name,
    group_description: group.description ?? '',
    active: group.active,
    owner,
    members,
  };
}

/** Member: one permission entry of a repository or repository group. */
export function toKallitheaMember(entry: PermissionEntry) {
  return { name: entry.subject.name, type: entry.subject.type === 'user' ? 'user' : 'user_group', permission: entry.permission };
}

export function toKallitheaRepoGroup(group: RepoGroup, owner: string, repositories: string[]) {
  const cut = group.name.lastIndexOf('/');
  return {
    group_id: group.id,
    group_name: group.name,
    group_description: group.description,
    parent_group: cut < 0 ? null : group.name.slice(0, cut),
    repositories,
    owner,
  };
}

const EMPTY_ID = '0'.repeat(40);

/** `last_changeset` from the cached tip (`changeset_cache`), or Kallithea's empty changeset. */
export function lastChangeset(cache: string | null) {
  let data: Record<string, unknown> | undefined;
  try {
    data = cache ? (JSON.parse(cache) as Record<string, unknown>) : undefined;
  } catch {
    data = undefined;
  }
  if (!data || typeof data['raw_id'] !== 'string') {
    return { raw_id: EMPTY_ID, short_id: EMPTY_ID.slice(0, 12), revision: -1, message: '', date: localDate(new Date(0), false), author: '' };
  }
  const date = typeof data['date'] === 'string' ? new Date(data['date']) : new Date(0);
  return {
    raw_id: data['raw_id'],
    short_id: typeof data['short_id'] === 'string' ? data['short_id'] : data['raw_id'].slice(0, 12),
    revision: typeof data['revision'] === 'number' ? data['revision'] : -1,
    message: typeof data['message'] === 'string' ? data['message'] : '',
    date: localDate(Number.isNaN(date.getTime()) ? new Date(0) : date, false),
    author: typeof data['author'] === 'string' ? data['author'] : '',
  };
}

/** Repo (§4), with `ex_<key>` for each extra field when the site has them enabled (`fields` not null). */
export function toKallitheaRepo(
  repo: Repository,
  facts: { owner: string; forkOf: string | null; fields: Array<{ key: string; value: string }> | null },
  cloneUri: string | null,
): Record<string, unknown> {
  const colon = repo.landingRevision.indexOf(':');
  const out: Record<string, unknown> = {
    repo_id: repo.id,
    repo_name: repo.name,
    repo_type: repo.type,
    clone_uri: cloneUri,
    private: repo.private,
    created_on: localDate(repo.createdOn),
    description: repo.description,
    landing_rev: colon < 0 ? ['rev', repo.landingRevision] : [repo.landingRevision.slice(0, colon), repo.landingRevision.slice(colon + 1)],
    owner: facts.owner,
    fork_of: facts.forkOf,
    enable_statistics: repo.enableStatistics,
    enable_downloads: repo.enableDownloads,
    last_changeset: lastChangeset(repo.changesetCache),
  };
  for (const field of facts.fields ?? []) out[`ex_${field.key}`] = field.value;
  return out;
}

const changesetDate = (changeset: Changeset) => localDate(new Date(changeset.date.timestamp * 1000), false);

/** Changeset-summary (`get_changesets` items); file lists when they were loaded. */
export function toChangesetSummary(changeset: Changeset, withFiles: boolean) {
  return {
    raw_id: changeset.rawId,
    short_id: changeset.shortId,
    revision: changeset.revision,
    message: changeset.message,
    date: changesetDate(changeset),
    author: changeset.author,
    ...(withFiles && { added: changeset.added ?? [], changed: changeset.changed ?? [], removed: changeset.removed ?? [] }),
  };
}

/** Changeset-detail (`get_changeset`). */
export function toChangesetDetail(changeset: Changeset) {
  return {
    raw_id: changeset.rawId,
    short_id: changeset.shortId,
    revision: changeset.revision,
    date: changesetDate(changeset),
    message: changeset.message,
    author: { name: changeset.authorName, email: changeset.authorEmail },
    added: changeset.added ?? [],
    changed: changeset.changed ?? [],
    removed: changeset.removed ?? [],
  };
}
