// Grove's access model (spec/permissions.md): pure, browser-safe.
export * from './permission-names';
export * from './permission-levels';
export * from './effective-permissions';
export * from './creation-rules';
export * from './repo-group-recursion';
export * from './ip-allow-list';
export * from './vcs-access';
