export * from './account.dto';
export * from './auth.dto';
export * from './pagination.dto';
export * from './permissions.dto';
export * from './repo-groups.dto';
export * from './repos.dto';
export * from './user-groups.dto';
export * from './users.dto';
