// The version comes from apps/api/package.json, read once at start.
export const GROVE_VERSION: string = (require('../package.json') as { version: string }).version;
