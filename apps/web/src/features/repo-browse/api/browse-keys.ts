/** Query keys of the repository browsing pages; everything of one repository sits under `repoBrowseKeys.repo(ref)`. */
export const repoBrowseKeys = {
  all: ['repo-browse'] as const,
  resolve: (path: string) => [...repoBrowseKeys.all, 'resolve', path] as const,
  repo: (ref: string) => [...repoBrowseKeys.all, 'repo', ref] as const,
  part: (ref: string, part: string, params?: unknown) => [...repoBrowseKeys.repo(ref), part, params ?? null] as const,
  journal: (kind: string, params: unknown) => [...repoBrowseKeys.all, 'journal', kind, params] as const,
};
