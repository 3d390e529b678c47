export const adminKeys = {
  all: ['admin'] as const,
  defaultPermissions: () => [...adminKeys.all, 'default-permissions'] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
  hooks: () => [...adminKeys.all, 'hooks'] as const,
};
