export const permissionKeys = {
  all: ['permissions'] as const,
  usersAndGroups: (query: string, types: string) => [...permissionKeys.all, 'users-and-groups', { query, types }] as const,
};
