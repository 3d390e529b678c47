export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: { page: number; size: number; filter?: string }) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: number) => [...userKeys.details(), id] as const,
  permissions: (id: number) => [...userKeys.detail(id), 'permissions'] as const,
  globalPermissions: (id: number) => [...userKeys.detail(id), 'global-permissions'] as const,
};
