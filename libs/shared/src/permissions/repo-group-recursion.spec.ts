import { DEFAULT_USER_PERMISSIONS, type ObjectFamily, type RepositoryPermission } from './permission-names';
import {
  defaultEntryAfterPrivacyChange,
  initialDefaultEntry,
  parseRecursionMode,
  recursionTargets,
  recursiveGrantEntries,
  repositoriesForApplyToAll,
  skipsPrivateRepositories,
  type RecursionMode,
  type RepoGroupNode,
  type RepositoryNode,
} from './repo-group-recursion';

// g(1) ─┬─ sub(2) ── subsub(3)
//       └─ sibling(5)
// other(4)
const groups: RepoGroupNode[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: null },
  { id: 5, parentId: 1 },
];
const repositories: RepositoryNode[] = [
  { id: 101, groupId: 1, isPrivate: false }, // g/r
  { id: 102, groupId: 2, isPrivate: false }, // g/sub/r
  { id: 103, groupId: 3, isPrivate: true }, // g/sub/subsub/r (private)
  { id: 104, groupId: 4, isPrivate: false }, // other/r
  { id: 105, groupId: null, isPrivate: false }, // top-level r
  { id: 106, groupId: 5, isPrivate: false }, // g/sibling/r
];

const sorted = (ids: number[]): number[] => [...ids].sort((a, b) => a - b);

describe('§9 recursion target set', () => {
  it.each<[RecursionMode, number, number[], number[]]>([
    ['none', 1, [1], []],
    ['groups', 1, [1, 2, 3, 5], []],
    ['repos', 1, [1], [101, 102, 103, 106]],
    ['all', 1, [1, 2, 3, 5], [101, 102, 103, 106]],
    ['all', 2, [2, 3], [102, 103]],
    ['repos', 3, [3], [103]],
    ['all', 4, [4], [104]],
  ])('mode %s on group %d → groups %j, repos %j', (mode, groupId, expectedGroups, expectedRepos) => {
    const targets = recursionTargets(groupId, mode, groups, repositories);
    expect(targets.repoGroupIds[0]).toBe(groupId); // the group itself, always
    expect(sorted(targets.repoGroupIds)).toEqual(expectedGroups);
    expect(sorted(targets.repositoryIds)).toEqual(expectedRepos);
  });

  it('web recursion for the default user skips private repositories (§7)', () => {
    expect(skipsPrivateRepositories('web', true)).toBe(true);
    expect(skipsPrivateRepositories('api', true)).toBe(false);
    expect(skipsPrivateRepositories('web', false)).toBe(false);
    const targets = recursionTargets(1, 'all', groups, repositories, { skipPrivateRepositories: skipsPrivateRepositories('web', true) });
    expect(sorted(targets.repositoryIds)).toEqual([101, 102, 106]);
    expect(sorted(targets.repoGroupIds)).toEqual([1, 2, 3, 5]);
  });

  it('terminates on a cycle in bad data', () => {
    const cyclic: RepoGroupNode[] = [
      { id: 7, parentId: 8 },
      { id: 8, parentId: 7 },
    ];
    expect(sorted(recursionTargets(7, 'groups', cyclic, []).repoGroupIds)).toEqual([7, 8]);
  });

  it('grant entries translate group.X to repository.X on repositories', () => {
    const entries = recursiveGrantEntries('group.write', recursionTargets(2, 'all', groups, repositories));
    expect(entries.repoGroups).toEqual([
      { id: 2, permission: 'group.write' },
      { id: 3, permission: 'group.write' },
    ]);
    expect(entries.repositories).toEqual([
      { id: 102, permission: 'repository.write' },
      { id: 103, permission: 'repository.write' },
    ]);
  });

  it.each<[string | undefined, RecursionMode]>([
    ['none', 'none'],
    ['repos', 'repos'],
    ['groups', 'groups'],
    ['all', 'all'],
    ['both', 'none'], // unknown values act like none (jsonrpc-api §7.6)
    ['ALL', 'none'],
    [undefined, 'none'],
  ])('parseRecursionMode(%j) → %s', (value, expected) => {
    expect(parseRecursionMode(value)).toBe(expected);
  });
});

describe('§4.4 / §7 "apply to all existing"', () => {
  it('overwrites the default entry of every repository except private ones', () => {
    expect(sorted(repositoriesForApplyToAll(repositories))).toEqual([101, 102, 104, 105, 106]);
  });
});

describe('§4.2 initial default entry of a new object', () => {
  it.each<[string, ObjectFamily, readonly string[], boolean, string]>([
    ['repository, fresh defaults', 'repository', DEFAULT_USER_PERMISSIONS, false, 'repository.read'],
    ['repository, default set to write', 'repository', ['repository.write', 'group.none'], false, 'repository.write'],
    ['repository, private → none whatever the default', 'repository', ['repository.admin'], true, 'repository.none'],
    ['repository, no entry of that kind → read', 'repository', ['group.none'], false, 'repository.read'],
    ['repo group', 'group', ['repository.write', 'group.none'], false, 'group.none'],
    ['repo group, no entry → read', 'group', [], false, 'group.read'],
    ['user group', 'usergroup', ['usergroup.admin'], false, 'usergroup.admin'],
  ])('%s → %s', (_title, family, defaults, isPrivate, expected) => {
    expect(initialDefaultEntry(family, defaults, { isPrivate })).toBe(expected);
  });
});

describe('§7 private flag and the default entry', () => {
  it.each<[RepositoryPermission | undefined, boolean, RepositoryPermission | undefined]>([
    ['repository.read', true, 'repository.none'],
    ['repository.write', true, 'repository.none'],
    [undefined, true, 'repository.none'],
    ['repository.none', false, 'repository.none'], // making it public does not restore the old level
    ['repository.read', false, 'repository.read'],
  ])('default %s, private set to %s → %s', (current, isPrivate, expected) => {
    expect(defaultEntryAfterPrivacyChange(current, isPrivate)).toBe(expected);
  });
});
