import { hasLevel, heavierLevel, levelSatisfies, repoGroupToRepositoryPermission } from './permission-levels';
import type { ObjectPermission, PermissionLevel, RepoGroupPermission, RepositoryPermission } from './permission-names';

describe('§5.6 has(level)', () => {
  // Rows: effective permission; columns: has(none) has(read) has(write) has(admin).
  it.each<[ObjectPermission | undefined, boolean, boolean, boolean, boolean]>([
    [undefined, true, false, false, false], // missing from the map counts as none
    ['repository.none', true, false, false, false],
    ['repository.read', true, true, false, false],
    ['repository.write', true, true, true, false],
    ['repository.admin', true, true, true, true],
    ['group.write', true, true, true, false],
    ['usergroup.read', true, true, false, false],
  ])('%s: none=%s read=%s write=%s admin=%s', (permission, none, read, write, admin) => {
    expect(hasLevel(permission, 'none')).toBe(none);
    expect(hasLevel(permission, 'read')).toBe(read);
    expect(hasLevel(permission, 'write')).toBe(write);
    expect(hasLevel(permission, 'admin')).toBe(admin);
  });

  it.each<[PermissionLevel, PermissionLevel, boolean]>([
    ['write', 'read', true],
    ['read', 'write', false],
    ['admin', 'admin', true],
    ['none', 'read', false],
  ])('levelSatisfies(%s, %s) → %s', (actual, required, expected) => {
    expect(levelSatisfies(actual, required)).toBe(expected);
  });
});

describe('§5 "raise to X"', () => {
  it.each<[PermissionLevel, PermissionLevel, PermissionLevel]>([
    ['read', 'none', 'read'], // an explicit none never lowers
    ['none', 'write', 'write'],
    ['admin', 'write', 'admin'],
    ['write', 'admin', 'admin'],
    ['read', 'read', 'read'],
  ])('raise %s by %s → %s', (current, candidate, expected) => {
    expect(heavierLevel(current, candidate)).toBe(expected);
  });
});

describe('§9 level translation', () => {
  it.each<[RepoGroupPermission, RepositoryPermission]>([
    ['group.none', 'repository.none'],
    ['group.read', 'repository.read'],
    ['group.write', 'repository.write'],
    ['group.admin', 'repository.admin'],
  ])('%s → %s', (groupPermission, repositoryPermission) => {
    expect(repoGroupToRepositoryPermission(groupPermission)).toBe(repositoryPermission);
  });
});
