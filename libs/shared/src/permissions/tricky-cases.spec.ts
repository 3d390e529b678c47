// permissions.md §14 "Tricky cases", one test (or group) per row, numbered as in the spec.
// Expected values are copied from the table, not from the code.
import {
  checkApiCreateRepository,
  mayCreateRepositoryInGroup,
  mayCreateTopLevelRepository,
  mayGrantUserGroupOnRepository,
  mayGrantUserOnRepository,
} from './creation-rules';
import { hasRepoGroupLevel, hasRepositoryLevel } from './effective-permissions';
import { isAnonymousAccessAllowed, isIpAllowed } from './ip-allow-list';
import { DEFAULT_USER_PERMISSIONS } from './permission-names';
import { defaultEntryAfterPrivacyChange, initialDefaultEntry, recursionTargets, recursiveGrantEntries } from './repo-group-recursion';
import { ALICE, BOB, DEFAULT_USER_ID, evaluate, type ObjectSpec, type RepositorySpec } from './testing/permission-scenario';
import { decideVcsAfterAuthentication, decideVcsBeforeAuthentication } from './vcs-access';

const GROUP = 100;
const OTHER_GROUP = 101;
const R = 1;

/** ALICE's effective permission on a single repository R. */
function aliceOn(repo: RepositorySpec, activeGroups: number[] = [GROUP, OTHER_GROUP]): string | undefined {
  return evaluate({ actingUser: ALICE, activeGroups, repos: [repo] }).repositories.get(repo.id);
}

/** Anonymous's effective permission on a single repository. */
function anonymousOn(repo: RepositorySpec): string | undefined {
  return evaluate({ actingUser: DEFAULT_USER_ID, repos: [repo] }).repositories.get(repo.id);
}

describe('§14 tricky cases', () => {
  it('§14 #1 user explicit none, member of group with write, default read → write', () => {
    expect(aliceOn({ id: R, default: 'repository.read', users: { [ALICE]: 'repository.none' }, groups: { [GROUP]: 'repository.write' } })).toBe('repository.write');
  });

  it('§14 #2 user explicit none, default read, public repo → read (explicit none cannot lower)', () => {
    expect(aliceOn({ id: R, private: false, default: 'repository.read', users: { [ALICE]: 'repository.none' } })).toBe('repository.read');
  });

  it('§14 #3 user explicit write, group read → write', () => {
    expect(aliceOn({ id: R, default: 'repository.none', users: { [ALICE]: 'repository.write' }, groups: { [GROUP]: 'repository.read' } })).toBe('repository.write');
  });

  it('§14 #4 two groups read and admin → admin', () => {
    expect(aliceOn({ id: R, default: 'repository.none', groups: { [GROUP]: 'repository.read', [OTHER_GROUP]: 'repository.admin' } })).toBe('repository.admin');
  });

  it('§14 #5 group grants admin but the group is inactive; default write → write', () => {
    // The inactive group is not among ALICE's active groups, but its entry is still passed in.
    expect(aliceOn({ id: R, default: 'repository.write', groups: { [GROUP]: 'repository.admin' } }, [OTHER_GROUP])).toBe('repository.write');
  });

  it('§14 #6 default read, repo private, user has nothing → none; anonymous none', () => {
    const repo: RepositorySpec = { id: R, private: true, default: 'repository.read' };
    expect(aliceOn(repo)).toBe('repository.none');
    expect(anonymousOn(repo)).toBe('repository.none');
  });

  it('§14 #7 repo private, user explicit read → read (explicit entries survive private)', () => {
    expect(aliceOn({ id: R, private: true, default: 'repository.none', users: { [ALICE]: 'repository.read' } })).toBe('repository.read');
  });

  it('§14 #8 repo made private then public again → default stays none, users without entries: none', () => {
    expect(initialDefaultEntry('repository', DEFAULT_USER_PERMISSIONS, { isPrivate: false })).toBe('repository.read');
    const afterPrivate = defaultEntryAfterPrivacyChange('repository.read', true);
    const defaultEntry = defaultEntryAfterPrivacyChange(afterPrivate, false);
    expect(defaultEntry).toBe('repository.none');
    const repo: RepositorySpec = { id: R, private: false, default: defaultEntry, users: { [BOB]: 'repository.read' } };
    expect(aliceOn(repo)).toBe('repository.none');
    expect(anonymousOn(repo)).toBe('repository.none');
    expect(evaluate({ actingUser: BOB, repos: [repo] }).repositories.get(R)).toBe('repository.read');
  });

  it('§14 #9 owner with explicit none and a group none → admin', () => {
    expect(aliceOn({ id: R, owner: ALICE, default: 'repository.none', users: { [ALICE]: 'repository.none' }, groups: { [GROUP]: 'repository.none' } })).toBe('repository.admin');
  });

  it('§14 #10 repo ownership moved from A to B → B admin; A falls back to entries/default', () => {
    const before: RepositorySpec = { id: R, owner: ALICE, default: 'repository.read' };
    const after: RepositorySpec = { ...before, owner: BOB };
    expect(evaluate({ actingUser: ALICE, repos: [before] }).repositories.get(R)).toBe('repository.admin');
    expect(evaluate({ actingUser: BOB, repos: [before] }).repositories.get(R)).toBe('repository.read');
    expect(evaluate({ actingUser: ALICE, repos: [after] }).repositories.get(R)).toBe('repository.read');
    expect(evaluate({ actingUser: BOB, repos: [after] }).repositories.get(R)).toBe('repository.admin');
    // With an explicit entry A keeps that entry's level.
    expect(evaluate({ actingUser: ALICE, repos: [{ ...after, users: { [ALICE]: 'repository.write' } }] }).repositories.get(R)).toBe('repository.write');
  });

  it('§14 #11 super-admin with explicit repository.none → admin', () => {
    const permissions = evaluate({ actingUser: ALICE, superAdmin: true, repos: [{ id: R, default: 'repository.none', users: { [ALICE]: 'repository.none' } }] });
    expect(permissions.repositories.get(R)).toBe('repository.admin');
  });

  it('§14 #12 repo group none for everyone, repo inside has default read → repo readable/clonable by all; group page hidden', () => {
    const repoGroups: ObjectSpec[] = [{ id: 10, default: 'group.none' }];
    const repos: RepositorySpec[] = [{ id: R, default: 'repository.read' }]; // R lives in group 10
    for (const actingUser of [ALICE, DEFAULT_USER_ID]) {
      const permissions = evaluate({ actingUser, repoGroups, repos });
      expect(hasRepositoryLevel(permissions, R, 'read')).toBe(true);
      expect(hasRepoGroupLevel(permissions, 10, 'read')).toBe(false);
    }
    const anonymous = evaluate({ actingUser: DEFAULT_USER_ID, repoGroups, repos });
    expect(
      decideVcsBeforeAuthentication({ repositoryExists: true, action: 'pull', anonymousAccessAllowed: true, anonymousPermission: anonymous.repositories.get(R) }),
    ).toEqual({ outcome: 'serve', as: 'default' });
  });

  describe('§14 #13 group admin on g only creates a repo in g/sub', () => {
    const G = 10;
    const SUB = 11;
    const tree = [
      { id: G, parentId: null },
      { id: SUB, parentId: G },
    ];
    const base: ObjectSpec[] = [
      { id: G, default: 'group.read', users: { [ALICE]: 'group.admin' } },
      { id: SUB, default: 'group.read' },
    ];

    it('§14 #13 refused without recursion (g/sub is group.read for them)', () => {
      const permissions = evaluate({ actingUser: ALICE, repoGroups: base });
      expect(permissions.repoGroups.get(SUB)).toBe('group.read');
      expect(mayCreateRepositoryInGroup(permissions, G)).toBe(true);
      expect(mayCreateRepositoryInGroup(permissions, SUB)).toBe(false);
    });

    it('§14 #13 allowed after a recursive "groups" apply', () => {
      const written = recursiveGrantEntries('group.admin', recursionTargets(G, 'groups', tree, []));
      const repoGroups = base.map((group) => {
        const entry = written.repoGroups.find(({ id }) => id === group.id);
        return entry ? { ...group, users: { ...group.users, [ALICE]: entry.permission } } : group;
      });
      expect(mayCreateRepositoryInGroup(evaluate({ actingUser: ALICE, repoGroups }), SUB)).toBe(true);
    });

    it('§14 #13 allowed with direct admin on g/sub', () => {
      const repoGroups: ObjectSpec[] = [base[0] as ObjectSpec, { id: SUB, default: 'group.read', users: { [ALICE]: 'group.admin' } }];
      expect(mayCreateRepositoryInGroup(evaluate({ actingUser: ALICE, repoGroups }), SUB)).toBe(true);
    });
  });

  it('§14 #14 group.write on g with hg.create.write_on_repogroup.false → cannot create in g; group.admin can', () => {
    const defaultGlobal = ['hg.create.repository', 'hg.create.write_on_repogroup.false'];
    const writer = evaluate({ actingUser: ALICE, defaultGlobal, repoGroups: [{ id: 10, default: 'group.none', users: { [ALICE]: 'group.write' } }] });
    const admin = evaluate({ actingUser: ALICE, defaultGlobal, repoGroups: [{ id: 10, default: 'group.none', users: { [ALICE]: 'group.admin' } }] });
    expect(mayCreateRepositoryInGroup(writer, 10)).toBe(false);
    expect(mayCreateRepositoryInGroup(admin, 10)).toBe(true);
  });

  it('§14 #15 default hg.create.none, user has group.admin on g → can create in g; cannot create top-level', () => {
    const permissions = evaluate({
      actingUser: ALICE,
      defaultGlobal: ['hg.create.none', 'hg.create.write_on_repogroup.true'],
      repoGroups: [{ id: 10, default: 'group.read', users: { [ALICE]: 'group.admin' } }],
    });
    expect(mayCreateRepositoryInGroup(permissions, 10)).toBe(true);
    expect(mayCreateTopLevelRepository(permissions)).toBe(false);
    // Over the API the create_repo gate (hg.admin or hg.create.repository) stays (§10), so it is refused there.
    expect(checkApiCreateRepository(permissions, 10)).toEqual({ allowed: false, refusal: 'gate' });
  });

  it('§14 #16 default hg.create.repository, user given hg.create.none → can still create (max)', () => {
    const permissions = evaluate({ actingUser: ALICE, defaultGlobal: ['hg.create.repository'], userGlobal: ['hg.create.none'] });
    expect(mayCreateTopLevelRepository(permissions)).toBe(true);
  });

  it('§14 #17 default hg.create.none, user in active group with hg.create.repository → can create', () => {
    const permissions = evaluate({
      actingUser: ALICE,
      activeGroups: [GROUP],
      defaultGlobal: ['hg.create.none'],
      groupGlobal: [{ group: GROUP, permission: 'hg.create.repository' }],
    });
    expect(mayCreateTopLevelRepository(permissions)).toBe(true);
  });

  it('§14 #18 recursive "all" write on g, repo added to g later → new repo gets only the default level', () => {
    const G = 10;
    const OLD = 1;
    const NEW = 2;
    const written = recursiveGrantEntries('group.write', recursionTargets(G, 'all', [{ id: G, parentId: null }], [{ id: OLD, groupId: G, isPrivate: false }]));
    expect(written.repositories).toEqual([{ id: OLD, permission: 'repository.write' }]);
    const newDefault = initialDefaultEntry('repository', DEFAULT_USER_PERMISSIONS);
    const permissions = evaluate({
      actingUser: ALICE,
      repos: [
        { id: OLD, default: 'repository.read', users: { [ALICE]: 'repository.write' } },
        { id: NEW, default: newDefault },
      ],
    });
    expect(permissions.repositories.get(OLD)).toBe('repository.write');
    expect(permissions.repositories.get(NEW)).toBe('repository.read');
  });

  describe('§14 #19 global allow-list 10.0.0.0/8, user list 192.168.0.0/16', () => {
    const globalList = ['10.0.0.0/8'];
    const userList = ['192.168.0.0/16'];
    it.each<[string, string, string[], boolean]>([
      ['user from 10/8', '10.1.1.1', userList, true],
      ['user from 192.168/16', '192.168.1.1', userList, true],
      ['user from elsewhere', '172.16.0.1', userList, false],
      ['others from 10/8', '10.1.1.1', [], true],
      ['others from 192.168/16', '192.168.1.1', [], false],
    ])('§14 #19 %s (%s, own list %j) → %s', (_title, client, ownList, expected) => {
      expect(isIpAllowed(client, globalList, ownList)).toBe(expected);
    });
    it('§14 #19 anonymous only from 10/8', () => {
      expect(isAnonymousAccessAllowed(true, '10.1.1.1', globalList)).toBe(true);
      expect(isAnonymousAccessAllowed(true, '192.168.1.1', globalList)).toBe(false);
    });
  });

  describe('§14 #20 user list 10.0.0.0/8, no global list', () => {
    it.each<[string, string, string[], boolean]>([
      ['user from 10/8', '10.1.1.1', ['10.0.0.0/8'], true],
      ['user from elsewhere', '192.168.1.1', ['10.0.0.0/8'], false],
      ['everyone else anywhere', '192.168.1.1', [], true],
      ['everyone else anywhere (v6)', '2001:db8::1', [], true],
    ])('§14 #20 %s (%s, own list %j) → %s', (_title, client, ownList, expected) => {
      expect(isIpAllowed(client, [], ownList)).toBe(expected);
    });
    it('§14 #20 anonymous anywhere', () => {
      expect(isAnonymousAccessAllowed(true, '192.168.1.1', [])).toBe(true);
    });
  });

  it('§14 #21 default has repository.write → anonymous push accepted, served (and journaled) as default', () => {
    const anonymous = evaluate({ actingUser: DEFAULT_USER_ID, repos: [{ id: R, default: 'repository.write' }] });
    expect(
      decideVcsBeforeAuthentication({ repositoryExists: true, action: 'push', anonymousAccessAllowed: true, anonymousPermission: anonymous.repositories.get(R) }),
    ).toEqual({ outcome: 'serve', as: 'default' });
  });

  it('§14 #22 inactive user with correct password over HTTP → 401', () => {
    const anonymous = evaluate({ actingUser: DEFAULT_USER_ID, repos: [{ id: R, default: 'repository.none' }] });
    expect(
      decideVcsBeforeAuthentication({ repositoryExists: true, action: 'pull', anonymousAccessAllowed: true, anonymousPermission: anonymous.repositories.get(R) }),
    ).toEqual({ outcome: 'authenticate' });
    // Authentication classifies an inactive account as rejected, whatever the password.
    expect(decideVcsAfterAuthentication({ action: 'pull', credentials: { kind: 'rejected' } })).toEqual({ outcome: 'refuse', status: 401 });
  });

  it('§14 #23 repo admin (not super-admin) grants a user via API → refused; a user group works if they can read it', () => {
    const UG = 20;
    const withGroupRead = evaluate({
      actingUser: ALICE,
      repos: [{ id: R, default: 'repository.none', users: { [ALICE]: 'repository.admin' } }],
      userGroups: [{ id: UG, default: 'usergroup.read' }],
    });
    expect(mayGrantUserOnRepository(withGroupRead, R, 'api')).toBe(false);
    expect(mayGrantUserGroupOnRepository(withGroupRead, R, UG)).toBe(true);
    const withoutGroupRead = evaluate({
      actingUser: ALICE,
      repos: [{ id: R, default: 'repository.none', users: { [ALICE]: 'repository.admin' } }],
      userGroups: [{ id: UG, default: 'usergroup.none' }],
    });
    expect(mayGrantUserGroupOnRepository(withoutGroupRead, R, UG)).toBe(false);
  });

  it('§14 #24 pull of a repo default may read, credentials sent up front (even wrong) → served as default, not checked', () => {
    const anonymous = evaluate({ actingUser: DEFAULT_USER_ID, repos: [{ id: R, default: 'repository.read' }] });
    // The pre-authentication decision takes no credentials at all, so a wrong password cannot change it.
    expect(
      decideVcsBeforeAuthentication({ repositoryExists: true, action: 'pull', anonymousAccessAllowed: true, anonymousPermission: anonymous.repositories.get(R) }),
    ).toEqual({ outcome: 'serve', as: 'default' });
  });

  it('§14 #25 private repo, default entry set to read by hand → [FIX-1] none for all (Kallithea: anonymous read)', () => {
    const repo: RepositorySpec = { id: R, private: true, default: 'repository.read' };
    expect(aliceOn(repo)).toBe('repository.none');
    expect(anonymousOn(repo)).toBe('repository.none');
  });
});
