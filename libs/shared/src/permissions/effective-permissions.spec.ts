import {
  computeEffectivePermissions,
  hasGlobalPermission,
  hasRepoGroupLevel,
  hasRepositoryLevel,
  hasUserGroupLevel,
  idsWithLevel,
  type PermissionInput,
} from './effective-permissions';
import { ALICE, BOB, DEFAULT_USER_ID, buildPermissionInput, evaluate, type RepositorySpec, type ScenarioSpec } from './testing/permission-scenario';

const G1 = 100; // an active group ALICE belongs to
const G2 = 101; // another active group of ALICE
const G_INACTIVE = 102; // ALICE is a member but the group is inactive: the service leaves it out of activeGroups
const G_OTHER = 103; // a group ALICE is not in

describe('§5.1 super-admin', () => {
  const spec: ScenarioSpec = {
    actingUser: ALICE,
    superAdmin: true,
    defaultGlobal: ['hg.create.none', 'hg.fork.none', 'repository.none'],
    userGlobal: ['hg.usergroup.create.true'],
    repos: [
      { id: 1, default: 'repository.none', users: { [ALICE]: 'repository.none' } },
      { id: 2, private: true, default: 'repository.none' },
      { id: 3 }, // no entries at all
    ],
    repoGroups: [{ id: 10, default: 'group.none', users: { [ALICE]: 'group.none' } }],
    userGroups: [{ id: 20, default: 'usergroup.none' }],
  };

  it('gets admin on every repository, repo group and user group, explicit none entries ignored', () => {
    const permissions = evaluate(spec);
    expect(permissions.isSuperAdmin).toBe(true);
    expect([...permissions.repositories]).toEqual([
      [1, 'repository.admin'],
      [2, 'repository.admin'],
      [3, 'repository.admin'],
    ]);
    expect([...permissions.repoGroups]).toEqual([[10, 'group.admin']]);
    expect([...permissions.userGroups]).toEqual([[20, 'usergroup.admin']]);
  });

  it('has exactly {hg.admin, hg.create.write_on_repogroup.true} as global permissions', () => {
    expect([...evaluate(spec).global].sort()).toEqual(['hg.admin', 'hg.create.write_on_repogroup.true']);
  });

  it('the default user is never a super-admin, even with the admin flag set', () => {
    const permissions = evaluate({ ...spec, actingUser: DEFAULT_USER_ID });
    expect(permissions.isSuperAdmin).toBe(false);
    expect(permissions.isDefaultUser).toBe(true);
    expect(permissions.repositories.get(1)).toBe('repository.none');
    expect(permissions.global.has('hg.admin')).toBe(false);
  });
});

describe('§5.2 global permissions (non-admin)', () => {
  it.each<[string, Partial<ScenarioSpec>, string[]]>([
    [
      'starts with the default user entries',
      { defaultGlobal: ['hg.create.repository', 'hg.fork.repository', 'repository.read'] },
      ['hg.create.repository', 'hg.fork.repository', 'repository.read'],
    ],
    ['a user hg.create.none cannot lower default hg.create.repository', { defaultGlobal: ['hg.create.repository'], userGlobal: ['hg.create.none'] }, ['hg.create.repository']],
    ['a user entry raises above default', { defaultGlobal: ['hg.fork.none'], userGlobal: ['hg.fork.repository'] }, ['hg.fork.repository']],
    [
      'an active group entry raises above default',
      { defaultGlobal: ['hg.usergroup.create.false'], activeGroups: [G1], groupGlobal: [{ group: G1, permission: 'hg.usergroup.create.true' }] },
      ['hg.usergroup.create.true'],
    ],
    [
      'an inactive group contributes nothing',
      { defaultGlobal: ['hg.create.none'], activeGroups: [G1], groupGlobal: [{ group: G_INACTIVE, permission: 'hg.create.repository' }] },
      ['hg.create.none'],
    ],
    ['heaviest of three register values wins', { defaultGlobal: ['hg.register.manual_activate'], userGlobal: ['hg.register.auto_activate'] }, ['hg.register.auto_activate']],
    ['object kinds merge too', { defaultGlobal: ['repository.read'], userGlobal: ['repository.write', 'repository.none'] }, ['repository.write']],
    ['a kind nobody holds stays absent', { defaultGlobal: [] }, []],
    ['a stored hg.admin row does not make a super-admin', { defaultGlobal: ['hg.fork.none'], userGlobal: ['hg.admin'] }, ['hg.fork.none']],
    ['unknown names are ignored', { defaultGlobal: ['hg.create.everything', 'hg.fork.repository'] }, ['hg.fork.repository']],
  ])('%s', (_title, partial, expected) => {
    const permissions = evaluate({ actingUser: ALICE, ...partial });
    expect([...permissions.global].sort()).toEqual([...expected].sort());
  });

  it('keeps exactly one value per kind', () => {
    const permissions = evaluate({
      actingUser: ALICE,
      defaultGlobal: ['hg.create.none', 'hg.fork.repository'],
      activeGroups: [G1, G2],
      groupGlobal: [
        { group: G1, permission: 'hg.create.repository' },
        { group: G2, permission: 'hg.fork.none' },
      ],
      userGlobal: ['hg.create.none'],
    });
    expect([...permissions.global].sort()).toEqual(['hg.create.repository', 'hg.fork.repository']);
    expect(hasGlobalPermission(permissions, 'hg.create.none')).toBe(false);
  });
});

describe('§5.3 repository', () => {
  // ALICE is in active groups G1 and G2; each row is one repository.
  it.each<[string, RepositorySpec, string]>([
    ['default entry read, nothing else', { id: 1, default: 'repository.read' }, 'repository.read'],
    ['default entry missing counts as none (§4.2)', { id: 1 }, 'repository.none'],
    ['default entry missing, but U is the owner', { id: 1, owner: ALICE }, 'repository.admin'],
    ['owner rule beats default none', { id: 1, owner: ALICE, default: 'repository.none' }, 'repository.admin'],
    ['group entry raises', { id: 1, default: 'repository.read', groups: { [G1]: 'repository.write' } }, 'repository.write'],
    ['heaviest of two groups', { id: 1, default: 'repository.none', groups: { [G1]: 'repository.read', [G2]: 'repository.admin' } }, 'repository.admin'],
    ['own entry raises', { id: 1, default: 'repository.read', users: { [ALICE]: 'repository.admin' } }, 'repository.admin'],
    ['own none does not lower the default', { id: 1, default: 'repository.write', users: { [ALICE]: 'repository.none' } }, 'repository.write'],
    ['group none does not lower the default', { id: 1, default: 'repository.read', groups: { [G1]: 'repository.none' } }, 'repository.read'],
    ['inactive group is ignored', { id: 1, default: 'repository.read', groups: { [G_INACTIVE]: 'repository.admin' } }, 'repository.read'],
    ['group U is not in is ignored', { id: 1, default: 'repository.none', groups: { [G_OTHER]: 'repository.admin' } }, 'repository.none'],
    ['another user entry is ignored', { id: 1, default: 'repository.none', users: { [BOB]: 'repository.admin' } }, 'repository.none'],
    ['entry of the wrong family is no entry', { id: 1, default: 'repository.none', users: { [ALICE]: 'group.admin' } }, 'repository.none'],
    ['private: default entry ignored', { id: 1, private: true, default: 'repository.read' }, 'repository.none'],
    ['private: own entry still works (§7)', { id: 1, private: true, default: 'repository.none', users: { [ALICE]: 'repository.read' } }, 'repository.read'],
    ['private: group entry still works (§7)', { id: 1, private: true, default: 'repository.none', groups: { [G1]: 'repository.write' } }, 'repository.write'],
    ['private: owner still admin', { id: 1, private: true, owner: ALICE, default: 'repository.none' }, 'repository.admin'],
    ['private: no default entry, owner', { id: 1, private: true, owner: ALICE }, 'repository.admin'],
  ])('%s', (_title, repo, expected) => {
    const permissions = evaluate({ actingUser: ALICE, activeGroups: [G1, G2], repos: [repo] });
    expect(permissions.repositories.get(repo.id)).toBe(expected);
  });

  it('duplicate rows of one subject merge by maximum', () => {
    const input = buildPermissionInput({ actingUser: ALICE, repos: [{ id: 1, default: 'repository.none' }] });
    const repositories = input.repositories;
    if (!repositories) throw new Error('scenario has repositories');
    const withDuplicates: PermissionInput = {
      ...input,
      repositories: {
        ...repositories,
        userEntries: [
          ...repositories.userEntries,
          { objectId: 1, userId: ALICE, permission: 'repository.write' },
          { objectId: 1, userId: ALICE, permission: 'repository.read' },
        ],
      },
    };
    expect(computeEffectivePermissions(withDuplicates).repositories.get(1)).toBe('repository.write');
  });

  it('repo-group permissions play no part in a repository (no inheritance)', () => {
    const permissions = evaluate({
      actingUser: ALICE,
      repos: [{ id: 1, default: 'repository.none' }],
      repoGroups: [{ id: 10, default: 'group.admin', users: { [ALICE]: 'group.admin' } }],
    });
    expect(permissions.repositories.get(1)).toBe('repository.none');
  });

  describe('anonymous (U is the default user)', () => {
    it.each<[string, RepositorySpec, string]>([
      ['public, default read', { id: 1, default: 'repository.read' }, 'repository.read'],
      ['public, default write', { id: 1, default: 'repository.write' }, 'repository.write'],
      ['public, default none', { id: 1, default: 'repository.none' }, 'repository.none'],
      ['[FIX-1] private, default none', { id: 1, private: true, default: 'repository.none' }, 'repository.none'],
      ['[FIX-1] private, default read (Kallithea: read) → none', { id: 1, private: true, default: 'repository.read' }, 'repository.none'],
      ['[FIX-1] private, default admin → none', { id: 1, private: true, default: 'repository.admin' }, 'repository.none'],
    ])('%s', (_title, repo, expected) => {
      const permissions = evaluate({ actingUser: DEFAULT_USER_ID, repos: [repo] });
      expect(permissions.isDefaultUser).toBe(true);
      expect(permissions.repositories.get(repo.id)).toBe(expected);
    });
  });
});

describe('§5.4 repo group', () => {
  it.each<[string, ScenarioSpec['repoGroups'], string]>([
    ['default entry', [{ id: 10, default: 'group.read' }], 'group.read'],
    ['missing default entry → none', [{ id: 10 }], 'group.none'],
    ['active group raises', [{ id: 10, default: 'group.read', groups: { [G1]: 'group.write' } }], 'group.write'],
    ['inactive group ignored', [{ id: 10, default: 'group.read', groups: { [G_INACTIVE]: 'group.admin' } }], 'group.read'],
    ['own entry raises', [{ id: 10, default: 'group.none', users: { [ALICE]: 'group.admin' } }], 'group.admin'],
    ['own none cannot lower', [{ id: 10, default: 'group.write', users: { [ALICE]: 'group.none' } }], 'group.write'],
    ['repository-family entry on a group is ignored', [{ id: 10, default: 'group.none', users: { [ALICE]: 'repository.admin' } }], 'group.none'],
  ])('%s', (_title, repoGroups, expected) => {
    const permissions = evaluate({ actingUser: ALICE, activeGroups: [G1], repoGroups });
    expect(permissions.repoGroups.get(10)).toBe(expected);
  });

  it('has no owner rule: the creator has admin only through the explicit entry written at creation', () => {
    // The group was created by ALICE, who later lost the explicit entry; nothing implicit remains.
    const permissions = evaluate({ actingUser: ALICE, repoGroups: [{ id: 10, default: 'group.read' }] });
    expect(permissions.repoGroups.get(10)).toBe('group.read');
  });
});

describe('§5.5 user group', () => {
  const T = 300; // target user group
  it.each<[string, ScenarioSpec['userGroups'], number[], string]>([
    ['default entry', [{ id: T, default: 'usergroup.read' }], [], 'usergroup.read'],
    ['missing default entry → none', [{ id: T }], [], 'usergroup.none'],
    ['entry held by an active member group raises', [{ id: T, default: 'usergroup.read', groups: { [G1]: 'usergroup.admin' } }], [G1], 'usergroup.admin'],
    ['entry held by an inactive member group is ignored', [{ id: T, default: 'usergroup.read', groups: { [G_INACTIVE]: 'usergroup.admin' } }], [G1], 'usergroup.read'],
    ['own entry raises', [{ id: T, default: 'usergroup.none', users: { [ALICE]: 'usergroup.write' } }], [], 'usergroup.write'],
    ['being a member of T gives nothing on T', [{ id: T, default: 'usergroup.none' }], [T], 'usergroup.none'],
  ])('%s', (_title, userGroups, activeGroups, expected) => {
    const permissions = evaluate({ actingUser: ALICE, activeGroups, userGroups });
    expect(permissions.userGroups.get(T)).toBe(expected);
  });
});

describe('batch use', () => {
  it('returns one value per listed object and ignores entries on objects not listed', () => {
    const input = buildPermissionInput({
      actingUser: ALICE,
      repos: [
        { id: 1, default: 'repository.read' },
        { id: 2, default: 'repository.none' },
      ],
    });
    const repositories = input.repositories;
    if (!repositories) throw new Error('scenario has repositories');
    const permissions = computeEffectivePermissions({
      ...input,
      repositories: { ...repositories, userEntries: [...repositories.userEntries, { objectId: 999, userId: ALICE, permission: 'repository.admin' }] },
    });
    expect([...permissions.repositories.keys()].sort()).toEqual([1, 2]);
    expect(permissions.repositories.has(999)).toBe(false);
  });

  it('omitted batches give empty maps', () => {
    const permissions = computeEffectivePermissions({
      subject: { userId: ALICE, isSuperAdmin: false },
      defaultUserId: DEFAULT_USER_ID,
      activeUserGroupIds: [],
      globalEntries: { defaultUser: ['hg.fork.repository'], userGroups: [], user: [] },
    });
    expect(permissions.repositories.size).toBe(0);
    expect(permissions.repoGroups.size).toBe(0);
    expect(permissions.userGroups.size).toBe(0);
    expect([...permissions.global]).toEqual(['hg.fork.repository']);
  });

  it('handles a large batch with mixed entries', () => {
    const repos: RepositorySpec[] = [];
    for (let id = 1; id <= 5000; id++) {
      repos.push({
        id,
        private: id % 5 === 0,
        owner: id % 7 === 0 ? ALICE : BOB,
        default: id % 2 === 0 ? 'repository.read' : 'repository.none',
        ...(id % 3 === 0 ? { users: { [ALICE]: 'repository.write' } } : {}),
      });
    }
    const permissions = evaluate({ actingUser: ALICE, repos });
    const expected = (id: number): string => {
      if (id % 7 === 0) return 'repository.admin';
      if (id % 3 === 0) return 'repository.write';
      if (id % 5 === 0) return 'repository.none';
      return id % 2 === 0 ? 'repository.read' : 'repository.none';
    };
    for (const [id, permission] of permissions.repositories) expect(permission).toBe(expected(id));
    expect(permissions.repositories.size).toBe(5000);
  });

  it('check helpers treat unknown ids as none and list ids at a level', () => {
    const permissions = evaluate({
      actingUser: ALICE,
      repos: [
        { id: 1, default: 'repository.read' },
        { id: 2, default: 'repository.none' },
        { id: 3, default: 'repository.admin' },
      ],
      repoGroups: [{ id: 10, default: 'group.write' }],
      userGroups: [{ id: 20, default: 'usergroup.read' }],
    });
    expect(hasRepositoryLevel(permissions, 1, 'read')).toBe(true);
    expect(hasRepositoryLevel(permissions, 2, 'read')).toBe(false);
    expect(hasRepositoryLevel(permissions, 42, 'read')).toBe(false);
    expect(hasRepositoryLevel(permissions, 42, 'none')).toBe(true);
    expect(hasRepoGroupLevel(permissions, 10, 'write')).toBe(true);
    expect(hasRepoGroupLevel(permissions, 10, 'admin')).toBe(false);
    expect(hasUserGroupLevel(permissions, 20, 'read')).toBe(true);
    expect(hasUserGroupLevel(permissions, 21, 'read')).toBe(false);
    expect([...idsWithLevel(permissions.repositories, 'read')].sort()).toEqual([1, 3]);
    expect([...idsWithLevel(permissions.repositories, 'admin')]).toEqual([3]);
  });
});
