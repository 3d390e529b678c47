export const repoKeys = {
  all: ['repos'] as const,
  lists: () => [...repoKeys.all, 'list'] as const,
  list: (params: { page: number; size: number; filter?: string }) => [...repoKeys.lists(), params] as const,
  details: () => [...repoKeys.all, 'detail'] as const,
  /** by full name: the URL names repositories */
  detail: (name: string) => [...repoKeys.details(), name] as const,
  /** "is one of these names a repository?" for routing */
  lookup: (names: readonly string[]) => [...repoKeys.all, 'lookup', names] as const,
  permissions: (id: number) => [...repoKeys.all, 'permissions', id] as const,
};

/** The permanent reference of a repository in API paths (survives renames). */
export const repoIdRef = (id: number) => `_${id}`;
