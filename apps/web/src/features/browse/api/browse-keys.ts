export const browseKeys = {
  all: ['browse'] as const,
  list: (params: { group?: string; filter?: string; page: number; size: number }) => [...browseKeys.all, params] as const,
};
