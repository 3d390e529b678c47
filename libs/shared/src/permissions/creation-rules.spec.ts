import {
  checkApiCreateRepository,
  checkApiForkRepository,
  mayAdministerRepository,
  mayChangeRepoGroupEntryOfUser,
  mayCreateRepoGroup,
  mayCreateRepositoryAt,
  mayCreateRepositoryInGroup,
  mayCreateTopLevelRepoGroup,
  mayCreateTopLevelRepository,
  mayCreateUserGroup,
  mayForkRepository,
  mayGrantUserGroupOnRepository,
  mayGrantUserOnRepository,
  mayMoveRepository,
  type CreationDecision,
} from './creation-rules';
import type { EffectivePermissions } from './effective-permissions';
import { ALICE, BOB, DEFAULT_USER_ID, evaluate, type ScenarioSpec } from './testing/permission-scenario';

const G = 10; // target group
const SUB = 11; // a sub-group of G
const SOURCE = 1; // fork source repository
const UG = 20; // a user group

/** ALICE (or anonymous) with the given global entries and levels on G, SUB, SOURCE and UG. */
function subject(options: {
  user?: number;
  superAdmin?: boolean;
  global?: string[];
  onG?: string;
  onSub?: string;
  onSource?: string;
  onUserGroup?: string;
}): EffectivePermissions {
  const spec: ScenarioSpec = {
    actingUser: options.user ?? ALICE,
    superAdmin: options.superAdmin ?? false,
    defaultGlobal: options.global ?? [],
    repoGroups: [
      { id: G, default: options.onG ?? 'group.none' },
      { id: SUB, default: options.onSub ?? 'group.none' },
    ],
    repos: [{ id: SOURCE, owner: BOB, default: options.onSource ?? 'repository.none' }],
    userGroups: [{ id: UG, default: options.onUserGroup ?? 'usergroup.none' }],
  };
  return evaluate(spec);
}

const ANON = DEFAULT_USER_ID;

describe('§10 top-level repository', () => {
  it.each<[string, Parameters<typeof subject>[0], boolean]>([
    ['super-admin, even if default has hg.create.none', { superAdmin: true, global: ['hg.create.none'] }, true],
    ['hg.create.repository', { global: ['hg.create.repository'] }, true],
    ['hg.create.none', { global: ['hg.create.none'] }, false],
    ['no hg.create entry at all', { global: [] }, false],
    ['anonymous never, whatever default holds (§8)', { user: ANON, global: ['hg.create.repository'] }, false],
  ])('%s → %s', (_title, options, expected) => {
    expect(mayCreateTopLevelRepository(subject(options))).toBe(expected);
    expect(mayCreateRepositoryAt(subject(options), null)).toBe(expected);
  });
});

describe('§10 repository inside group G', () => {
  it.each<[string, Parameters<typeof subject>[0], boolean]>([
    ['super-admin', { superAdmin: true }, true],
    ['group.admin without hg.create.repository', { onG: 'group.admin', global: ['hg.create.none'] }, true],
    ['group.write + write_on_repogroup.true', { onG: 'group.write', global: ['hg.create.write_on_repogroup.true'] }, true],
    ['group.write + write_on_repogroup.false', { onG: 'group.write', global: ['hg.create.write_on_repogroup.false', 'hg.create.repository'] }, false],
    ['group.write, no write_on_repogroup entry', { onG: 'group.write' }, false],
    ['group.read + hg.create.repository', { onG: 'group.read', global: ['hg.create.repository', 'hg.create.write_on_repogroup.true'] }, false],
    ['anonymous with default group.admin (§8)', { user: ANON, onG: 'group.admin' }, false],
  ])('%s → %s', (_title, options, expected) => {
    expect(mayCreateRepositoryInGroup(subject(options), G)).toBe(expected);
    expect(mayCreateRepositoryAt(subject(options), G)).toBe(expected);
  });

  it('only the immediate parent counts: admin on G gives nothing in G/sub', () => {
    const permissions = subject({ onG: 'group.admin', onSub: 'group.read' });
    expect(mayCreateRepositoryInGroup(permissions, G)).toBe(true);
    expect(mayCreateRepositoryInGroup(permissions, SUB)).toBe(false);
  });
});

describe('§10 move/rename into another group', () => {
  it('is not checked when the group does not change', () => {
    const permissions = subject({ onG: 'group.read' });
    expect(mayMoveRepository(permissions, G, G)).toBe(true);
    expect(mayMoveRepository(permissions, null, null)).toBe(true);
  });

  it.each<[string, Parameters<typeof subject>[0], number | null, boolean]>([
    ['into a group with admin', { onG: 'group.admin' }, G, true],
    ['into a group with read', { onG: 'group.read', global: ['hg.create.repository'] }, G, false],
    ['to the top level with hg.create.repository', { onSub: 'group.admin', global: ['hg.create.repository'] }, null, true],
    ['to the top level without it', { onSub: 'group.admin', global: ['hg.create.none'] }, null, false],
  ])('%s → %s', (_title, options, target, expected) => {
    expect(mayMoveRepository(subject(options), SUB, target)).toBe(expected);
  });
});

describe('§10 fork (web)', () => {
  const canFork = ['hg.fork.repository', 'hg.create.repository'];
  it.each<[string, Parameters<typeof subject>[0], number | null, boolean]>([
    ['super-admin', { superAdmin: true }, null, true],
    ['fork right + read on source + top level allowed', { global: canFork, onSource: 'repository.read' }, null, true],
    ['no hg.fork.repository', { global: ['hg.fork.none', 'hg.create.repository'], onSource: 'repository.admin' }, null, false],
    ['no read on the source', { global: canFork, onSource: 'repository.none' }, null, false],
    ['destination group with admin, no hg.create.repository', { global: ['hg.fork.repository', 'hg.create.none'], onSource: 'repository.read', onG: 'group.admin' }, G, true],
    ['destination group with read only', { global: canFork, onSource: 'repository.read', onG: 'group.read' }, G, false],
    ['top-level destination without hg.create.repository', { global: ['hg.fork.repository', 'hg.create.none'], onSource: 'repository.read' }, null, false],
    ['anonymous (§8)', { user: ANON, global: canFork, onSource: 'repository.read' }, null, false],
  ])('%s → %s', (_title, options, destination, expected) => {
    expect(mayForkRepository(subject(options), SOURCE, destination)).toBe(expected);
  });
});

describe('§10 API create_repo: gate kept, [FIX-2] location rule added', () => {
  it.each<[string, Parameters<typeof subject>[0], number | null, CreationDecision]>([
    ['super-admin', { superAdmin: true }, G, { allowed: true }],
    ['hg.create.repository at top level', { global: ['hg.create.repository'] }, null, { allowed: true }],
    ['gate: group.admin but hg.create.none', { global: ['hg.create.none'], onG: 'group.admin' }, G, { allowed: false, refusal: 'gate' }],
    ['[FIX-2] gate passes but only group.read on the parent', { global: ['hg.create.repository'], onG: 'group.read' }, G, { allowed: false, refusal: 'location' }],
    [
      '[FIX-2] group.write without write_on_repogroup',
      { global: ['hg.create.repository', 'hg.create.write_on_repogroup.false'], onG: 'group.write' },
      G,
      { allowed: false, refusal: 'location' },
    ],
    ['group.write + write_on_repogroup.true', { global: ['hg.create.repository', 'hg.create.write_on_repogroup.true'], onG: 'group.write' }, G, { allowed: true }],
  ])('%s', (_title, options, parent, expected) => {
    expect(checkApiCreateRepository(subject(options), parent)).toEqual(expected);
  });
});

describe('§10 API fork_repo: Kallithea gates in order, then [FIX-2]', () => {
  it.each<[string, Parameters<typeof subject>[0], number | null, CreationDecision]>([
    ['super-admin', { superAdmin: true }, G, { allowed: true }],
    ['gate: no hg.fork.repository', { global: ['hg.create.repository'], onSource: 'repository.read' }, null, { allowed: false, refusal: 'gate' }],
    ['source not readable is hidden', { global: ['hg.fork.repository', 'hg.create.repository'] }, null, { allowed: false, refusal: 'source-hidden' }],
    [
      'non-admin needs hg.create.repository even for a group destination',
      { global: ['hg.fork.repository', 'hg.create.none'], onSource: 'repository.read', onG: 'group.admin' },
      G,
      { allowed: false, refusal: 'no-create-permission' },
    ],
    [
      '[FIX-2] destination group only readable',
      { global: ['hg.fork.repository', 'hg.create.repository'], onSource: 'repository.read', onG: 'group.read' },
      G,
      { allowed: false, refusal: 'location' },
    ],
    ['all rules pass', { global: ['hg.fork.repository', 'hg.create.repository'], onSource: 'repository.read', onG: 'group.admin' }, G, { allowed: true }],
  ])('%s', (_title, options, destination, expected) => {
    expect(checkApiForkRepository(subject(options), SOURCE, destination)).toEqual(expected);
  });
});

describe('§10 repo groups', () => {
  it('top-level repo groups: super-admin only', () => {
    expect(mayCreateTopLevelRepoGroup(subject({ superAdmin: true }))).toBe(true);
    expect(mayCreateTopLevelRepoGroup(subject({ global: ['hg.repogroup.create.true', 'hg.create.repository'] }))).toBe(false);
    expect(mayCreateRepoGroup(subject({ global: ['hg.repogroup.create.true'] }), null)).toBe(false);
  });

  it.each<[string, Parameters<typeof subject>[0], 'web' | 'api', boolean]>([
    ['web, group.admin on the parent', { onG: 'group.admin' }, 'web', true],
    ['web, group.write on the parent', { onG: 'group.write', global: ['hg.create.write_on_repogroup.true'] }, 'web', false],
    ['api, group.admin on the parent (create_repo_group is super-admin only)', { onG: 'group.admin' }, 'api', false],
    ['api, super-admin', { superAdmin: true }, 'api', true],
    ['web, anonymous with default group.admin', { user: ANON, onG: 'group.admin' }, 'web', false],
  ])('%s → %s', (_title, options, channel, expected) => {
    expect(mayCreateRepoGroup(subject(options), G, channel)).toBe(expected);
  });

  it('hg.repogroup.create.true is not used anywhere', () => {
    const permissions = subject({ global: ['hg.repogroup.create.true'] });
    expect(mayCreateRepoGroup(permissions, G)).toBe(false);
    expect(mayCreateTopLevelRepoGroup(permissions)).toBe(false);
  });
});

describe('§10 user groups', () => {
  it.each<[string, Parameters<typeof subject>[0], boolean]>([
    ['super-admin', { superAdmin: true }, true],
    ['hg.usergroup.create.true', { global: ['hg.usergroup.create.true'] }, true],
    ['hg.usergroup.create.false', { global: ['hg.usergroup.create.false'] }, false],
    ['fresh install: no entry of that kind', { global: ['hg.create.repository', 'hg.fork.repository'] }, false],
    ['anonymous', { user: ANON, global: ['hg.usergroup.create.true'] }, false],
  ])('%s → %s', (_title, options, expected) => {
    expect(mayCreateUserGroup(subject(options))).toBe(expected);
  });
});

describe('§8/§12 repository administration and grants', () => {
  it.each<[string, Parameters<typeof subject>[0], boolean]>([
    ['repository.admin', { onSource: 'repository.admin' }, true],
    ['repository.write', { onSource: 'repository.write' }, false],
    ['anonymous holding admin through default (Grove SHOULD refuse)', { user: ANON, onSource: 'repository.admin' }, false],
  ])('mayAdministerRepository: %s → %s', (_title, options, expected) => {
    expect(mayAdministerRepository(subject(options), SOURCE)).toBe(expected);
  });

  it('user entries: repo admin on the web, super-admin only over the API', () => {
    const repoAdmin = subject({ onSource: 'repository.admin' });
    expect(mayGrantUserOnRepository(repoAdmin, SOURCE, 'web')).toBe(true);
    expect(mayGrantUserOnRepository(repoAdmin, SOURCE, 'api')).toBe(false);
    expect(mayGrantUserOnRepository(subject({ superAdmin: true }), SOURCE, 'api')).toBe(true);
    expect(mayGrantUserOnRepository(subject({ onSource: 'repository.write' }), SOURCE, 'web')).toBe(false);
  });

  it.each<[string, Parameters<typeof subject>[0], boolean]>([
    ['repo admin + usergroup.read', { onSource: 'repository.admin', onUserGroup: 'usergroup.read' }, true],
    ['repo admin, user group not visible', { onSource: 'repository.admin', onUserGroup: 'usergroup.none' }, false],
    ['repo write + usergroup.admin', { onSource: 'repository.write', onUserGroup: 'usergroup.admin' }, false],
    ['super-admin', { superAdmin: true }, true],
  ])('user-group entries: %s → %s', (_title, options, expected) => {
    expect(mayGrantUserGroupOnRepository(subject(options), SOURCE, UG)).toBe(expected);
  });
});

describe('§9 own entry on a repo group', () => {
  it.each<[string, boolean, number, 'web' | 'api', boolean]>([
    ['web, non-admin changing own entry', false, ALICE, 'web', false],
    ['web, non-admin changing another user', false, BOB, 'web', true],
    ['web, super-admin changing own entry', true, ALICE, 'web', true],
    ['api has no such guard', false, ALICE, 'api', true],
  ])('%s → %s', (_title, superAdmin, entryUser, channel, expected) => {
    expect(mayChangeRepoGroupEntryOfUser(subject({ superAdmin, onG: 'group.admin' }), entryUser, channel)).toBe(expected);
  });
});
