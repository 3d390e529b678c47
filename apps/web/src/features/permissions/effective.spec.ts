import type { PermissionSummary } from '@grove/shared';
import { adminMenuEntries, effectiveFromSummary, repoGroupLocations, repositoryLocations } from './effective';

const user = { id: 5, admin: false, anonymous: false };

function summary(global: string[], extra: Partial<PermissionSummary> = {}): PermissionSummary {
  return {
    global,
    repositories: [{ id: 10, name: 'x', permission: 'repository.read' }],
    repoGroups: [
      { id: 3, name: 'c', permission: 'group.read' },
      { id: 2, name: 'a/b', permission: 'group.write' },
      { id: 1, name: 'a', permission: 'group.admin' },
    ],
    userGroups: [],
    ...extra,
  };
}

const names = (choices: { name: string }[]) => choices.map((c) => c.name);

describe('where a user may create (permissions.md §10, through the shared rules)', () => {
  it('repositories: groups they administer, and groups they may write when "create on write" is on', () => {
    const s = summary(['hg.create.none', 'hg.create.write_on_repogroup.true']);
    expect(names(repositoryLocations(s, effectiveFromSummary(s, user)))).toEqual(['a', 'a/b']);
    const off = summary(['hg.create.none', 'hg.create.write_on_repogroup.false']);
    expect(names(repositoryLocations(off, effectiveFromSummary(off, user)))).toEqual(['a']);
  });

  it('repositories at the top level need hg.create.repository', () => {
    const s = summary(['hg.create.repository', 'hg.create.write_on_repogroup.false']);
    expect(names(repositoryLocations(s, effectiveFromSummary(s, user)))).toEqual(['', 'a']);
  });

  it('repository groups: inside groups they administer; the top level only for super-admins', () => {
    const s = summary(['hg.create.repository']);
    expect(names(repoGroupLocations(s, effectiveFromSummary(s, user)))).toEqual(['a']);
    const admin = { ...user, admin: true };
    const all = summary(['hg.admin'], {
      repoGroups: [
        { id: 1, name: 'a', permission: 'group.admin' },
        { id: 3, name: 'c', permission: 'group.admin' },
      ],
    });
    expect(names(repoGroupLocations(all, effectiveFromSummary(all, admin)))).toEqual(['', 'a', 'c']);
  });

  it('nothing for an anonymous visitor', () => {
    const s = summary(['hg.create.repository', 'hg.create.write_on_repogroup.true']);
    expect(repositoryLocations(s, effectiveFromSummary(s, { ...user, anonymous: true }))).toEqual([]);
  });
});

describe('the admin menu', () => {
  it('is complete for super-admins, without asking for the summary', () => {
    expect(adminMenuEntries({ ...user, admin: true }, undefined)).toEqual(['journal', 'repos', 'repoGroups', 'users', 'userGroups', 'permissions', 'settings']);
  });

  it('shows others only what they administer', () => {
    expect(adminMenuEntries(user, summary([]))).toEqual(['repoGroups']);
    expect(
      adminMenuEntries(
        user,
        summary([], { repositories: [{ id: 10, name: 'x', permission: 'repository.admin' }], repoGroups: [], userGroups: [{ id: 4, name: 'ug', permission: 'usergroup.admin' }] }),
      ),
    ).toEqual(['repos', 'userGroups']);
    expect(adminMenuEntries(user, summary([], { repoGroups: [{ id: 3, name: 'c', permission: 'group.write' }] }))).toEqual([]);
  });

  it('shows user groups to those who may create them', () => {
    expect(adminMenuEntries(user, summary(['hg.usergroup.create.true'], { repoGroups: [] }))).toEqual(['userGroups']);
    expect(adminMenuEntries(user, summary(['hg.usergroup.create.false'], { repoGroups: [] }))).toEqual([]);
  });

  it('is empty for anonymous visitors and while the summary loads', () => {
    expect(adminMenuEntries({ ...user, anonymous: true }, summary(['hg.usergroup.create.true']))).toEqual([]);
    expect(adminMenuEntries(user, undefined)).toEqual([]);
  });
});
