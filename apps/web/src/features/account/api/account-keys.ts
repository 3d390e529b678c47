export const accountKeys = {
  all: ['account'] as const,
  permissions: () => [...accountKeys.all, 'permissions'] as const,
  repositories: () => [...accountKeys.all, 'repositories'] as const,
  watched: () => [...accountKeys.all, 'watched'] as const,
};
