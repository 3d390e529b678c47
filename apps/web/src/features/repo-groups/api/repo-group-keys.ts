export const repoGroupKeys = {
  all: ['repo-groups'] as const,
  lists: () => [...repoGroupKeys.all, 'list'] as const,
  list: (params: { page: number; size: number; filter?: string }) => [...repoGroupKeys.lists(), params] as const,
  details: () => [...repoGroupKeys.all, 'detail'] as const,
  /** by full name: the URL names groups */
  detail: (name: string) => [...repoGroupKeys.details(), name] as const,
  permissions: (id: number) => [...repoGroupKeys.all, 'permissions', id] as const,
};
