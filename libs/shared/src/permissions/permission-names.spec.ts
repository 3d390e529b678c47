import {
  ALL_PERMISSION_NAMES,
  DEFAULT_USER_PERMISSIONS,
  isPermissionName,
  levelInFamily,
  objectPermission,
  permissionKind,
  permissionWeight,
  type PermissionName,
} from './permission-names';

describe('§2 permission names', () => {
  it('has exactly the 28 names of the permissions table, hg.admin included', () => {
    expect(ALL_PERMISSION_NAMES).toHaveLength(28);
    expect(new Set(ALL_PERMISSION_NAMES).size).toBe(28);
    expect([...ALL_PERMISSION_NAMES].sort()).toEqual(
      [
        'repository.none', 'repository.read', 'repository.write', 'repository.admin',
        'group.none', 'group.read', 'group.write', 'group.admin',
        'usergroup.none', 'usergroup.read', 'usergroup.write', 'usergroup.admin',
        'hg.admin',
        'hg.create.none', 'hg.create.repository',
        'hg.create.write_on_repogroup.false', 'hg.create.write_on_repogroup.true',
        'hg.fork.none', 'hg.fork.repository',
        'hg.usergroup.create.false', 'hg.usergroup.create.true',
        'hg.repogroup.create.false', 'hg.repogroup.create.true',
        'hg.register.none', 'hg.register.manual_activate', 'hg.register.auto_activate',
        'hg.extern_activate.manual', 'hg.extern_activate.auto',
      ].sort(),
    );
  });

  it.each<[string, boolean]>([
    ['repository.read', true],
    ['hg.admin', true],
    ['hg.register.auto_activate', true],
    ['Repository.read', false],
    ['repository.owner', false],
    ['hg.create', false],
    ['', false],
  ])('isPermissionName(%j) → %s', (name, expected) => {
    expect(isPermissionName(name)).toBe(expected);
  });

  it.each<[PermissionName, string]>([
    ['hg.admin', 'hg'],
    ['repository.write', 'repository'],
    ['group.none', 'group'],
    ['usergroup.admin', 'usergroup'],
    ['hg.create.none', 'hg.create'],
    ['hg.create.repository', 'hg.create'],
    ['hg.create.write_on_repogroup.true', 'hg.create.write_on_repogroup'],
    ['hg.fork.repository', 'hg.fork'],
    ['hg.usergroup.create.false', 'hg.usergroup.create'],
    ['hg.repogroup.create.true', 'hg.repogroup.create'],
    ['hg.register.manual_activate', 'hg.register'],
    ['hg.extern_activate.auto', 'hg.extern_activate'],
  ])('kind of %s is %s (name without its last dot-segment)', (name, kind) => {
    expect(permissionKind(name)).toBe(kind);
  });

  it.each<[PermissionName, number]>([
    ['repository.none', 0], ['repository.read', 1], ['repository.write', 3], ['repository.admin', 4],
    ['group.none', 0], ['group.read', 1], ['group.write', 3], ['group.admin', 4],
    ['usergroup.none', 0], ['usergroup.read', 1], ['usergroup.write', 3], ['usergroup.admin', 4],
    ['hg.create.none', 0], ['hg.create.repository', 1],
    ['hg.create.write_on_repogroup.false', 0], ['hg.create.write_on_repogroup.true', 1],
    ['hg.fork.none', 0], ['hg.fork.repository', 1],
    ['hg.usergroup.create.false', 0], ['hg.usergroup.create.true', 1],
    ['hg.repogroup.create.false', 0], ['hg.repogroup.create.true', 1],
    ['hg.register.none', 0], ['hg.register.manual_activate', 1], ['hg.register.auto_activate', 2],
    ['hg.extern_activate.manual', 0], ['hg.extern_activate.auto', 1],
  ])('weight of %s is %d', (name, weight) => {
    expect(permissionWeight(name)).toBe(weight);
  });

  it.each<[string, 'repository' | 'group' | 'usergroup', string | undefined]>([
    ['repository.write', 'repository', 'write'],
    ['group.admin', 'group', 'admin'],
    ['usergroup.none', 'usergroup', 'none'],
    ['group.write', 'repository', undefined], // wrong family counts as no entry
    ['repository.owner', 'repository', undefined],
    ['hg.create.repository', 'repository', undefined],
    ['nonsense', 'group', undefined],
  ])('levelInFamily(%j, %s) → %s', (name, family, level) => {
    expect(levelInFamily(name, family)).toBe(level);
  });

  it('builds object permissions from family and level', () => {
    expect(objectPermission('usergroup', 'write')).toBe('usergroup.write');
  });
});

describe('§3 fresh-install defaults', () => {
  it('DEFAULT_USER_PERMISSIONS are the eight entries of §3 and nothing for user groups', () => {
    expect([...DEFAULT_USER_PERMISSIONS].sort()).toEqual(
      [
        'repository.read',
        'group.read',
        'usergroup.read',
        'hg.create.repository',
        'hg.create.write_on_repogroup.true',
        'hg.fork.repository',
        'hg.register.manual_activate',
        'hg.extern_activate.auto',
      ].sort(),
    );
    expect(DEFAULT_USER_PERMISSIONS.some((name) => name.startsWith('hg.usergroup.create'))).toBe(false);
  });

  it('holds one value per kind', () => {
    const kinds = DEFAULT_USER_PERMISSIONS.map(permissionKind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
