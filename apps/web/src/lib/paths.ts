// URLs of the SPA (Kallithea's URL map, web-ui.md §1) and the API's object references.

/** A repository's or group's full name as one API path segment (`team/x` → `team%2Fx`). */
export function apiRef(name: string): string {
  return encodeURIComponent(name);
}

/** The page of a repository or repository group: `/{name}`. */
export function contentUrl(name: string): string {
  return `/${name}`;
}

export const REPO_SETTINGS_TABS = ['settings', 'permissions', 'advanced', 'fields', 'remote', 'statistics'] as const;
export type RepoSettingsTab = (typeof REPO_SETTINGS_TABS)[number];

/** `/{repo}/settings` and its tabs `/{repo}/settings/{tab}`. */
export function repoSettingsUrl(repo: string, tab: RepoSettingsTab = 'settings'): string {
  return tab === 'settings' ? `/${repo}/settings` : `/${repo}/settings/${tab}`;
}

/**
 * The ways to read `path` as `{repo}/settings[/{tab}]`, shortest repository name first (the
 * matching rule of web-ui.md §0: the shortest prefix followed by the keyword that is a repository).
 */
export function repoSettingsCandidates(path: string): { repo: string; tab: RepoSettingsTab }[] {
  const segments = path.split('/').filter(Boolean);
  const n = segments.length;
  const candidates: { repo: string; tab: RepoSettingsTab }[] = [];
  const last = segments[n - 1];
  if (n >= 3 && segments[n - 2] === 'settings' && last !== 'settings' && (REPO_SETTINGS_TABS as readonly string[]).includes(last!)) {
    candidates.push({ repo: segments.slice(0, n - 2).join('/'), tab: last as RepoSettingsTab });
  }
  if (n >= 2 && last === 'settings') candidates.push({ repo: segments.slice(0, n - 1).join('/'), tab: 'settings' });
  return candidates;
}

export const REPO_GROUP_TABS = ['settings', 'permissions', 'advanced'] as const;
export type RepoGroupTab = (typeof REPO_GROUP_TABS)[number];

/** `/_admin/repo_groups/{group}/edit` and its tabs `/edit/{tab}`. */
export function repoGroupEditUrl(group: string, tab: RepoGroupTab = 'settings'): string {
  return tab === 'settings' ? `/_admin/repo_groups/${group}/edit` : `/_admin/repo_groups/${group}/edit/${tab}`;
}

export type RepoGroupAdminPath = { kind: 'new' } | { kind: 'edit'; group: string; tab: RepoGroupTab } | { kind: 'page'; group: string } | { kind: 'none' };

/** What `/_admin/repo_groups/{rest}` shows: the new-group form, a group's edit tabs, or the group page. */
export function parseRepoGroupAdminPath(rest: string): RepoGroupAdminPath {
  const segments = rest.split('/').filter(Boolean);
  if (segments.length === 0) return { kind: 'none' };
  if (segments.length === 1 && segments[0] === 'new') return { kind: 'new' };
  const n = segments.length;
  if (n >= 2 && segments[n - 1] === 'edit') return { kind: 'edit', group: segments.slice(0, n - 1).join('/'), tab: 'settings' };
  const tab = segments[n - 1] as RepoGroupTab;
  if (n >= 3 && segments[n - 2] === 'edit' && tab !== 'settings' && (REPO_GROUP_TABS as readonly string[]).includes(tab)) {
    return { kind: 'edit', group: segments.slice(0, n - 2).join('/'), tab };
  }
  return { kind: 'page', group: segments.join('/') };
}

/** The parent part of a full name (`a/b/c` → `a/b`), null at the top level. */
export function parentName(fullName: string): string | null {
  const slash = fullName.lastIndexOf('/');
  return slash < 0 ? null : fullName.slice(0, slash);
}

/** The last segment of a full name (`a/b/c` → `c`). */
export function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('/') + 1);
}
