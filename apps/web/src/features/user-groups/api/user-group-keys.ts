export interface UserGroupListParams {
  page: number;
  size: number;
  filter?: string;
  admin?: boolean;
}

export const userGroupKeys = {
  all: ['user-groups'] as const,
  lists: () => [...userGroupKeys.all, 'list'] as const,
  list: (params: UserGroupListParams) => [...userGroupKeys.lists(), params] as const,
  details: () => [...userGroupKeys.all, 'detail'] as const,
  detail: (id: number) => [...userGroupKeys.details(), id] as const,
  members: (id: number) => [...userGroupKeys.detail(id), 'members'] as const,
  permissions: (id: number) => [...userGroupKeys.detail(id), 'permissions'] as const,
  globalPermissions: (id: number) => [...userGroupKeys.detail(id), 'global-permissions'] as const,
};
