import { parseRepoGroupAdminPath, repoSettingsCandidates, repoSettingsUrl } from './paths';

describe('repository settings URLs', () => {
  it.each([
    ['hello/settings', [{ repo: 'hello', tab: 'settings' }]],
    ['team/hello/settings', [{ repo: 'team/hello', tab: 'settings' }]],
    ['team/sub/hello/settings/permissions', [{ repo: 'team/sub/hello', tab: 'permissions' }]],
    ['team/hello/settings/advanced', [{ repo: 'team/hello', tab: 'advanced' }]],
    // only readings that fit a route: `a` + `/settings/settings` is none
    ['a/settings/settings', [{ repo: 'a/settings', tab: 'settings' }]],
    // the route's keywords are at the end: earlier `settings` segments are part of the name
    ['a/settings/permissions/settings', [{ repo: 'a/settings/permissions', tab: 'settings' }]],
    ['a/settings/fields', [{ repo: 'a', tab: 'fields' }]],
    ['team/hello', []],
    ['settings', []],
    ['team/hello/settings/unknown', []],
    ['team/settings/x', []],
  ])('%s → %j', (path, expected) => {
    expect(repoSettingsCandidates(path)).toEqual(expected);
  });

  it('builds the tab URLs', () => {
    expect(repoSettingsUrl('team/hello')).toBe('/team/hello/settings');
    expect(repoSettingsUrl('team/hello', 'permissions')).toBe('/team/hello/settings/permissions');
  });
});

describe('/_admin/repo_groups/… paths', () => {
  it.each([
    ['new', { kind: 'new' }],
    ['team/edit', { kind: 'edit', group: 'team', tab: 'settings' }],
    ['team/sub/edit/permissions', { kind: 'edit', group: 'team/sub', tab: 'permissions' }],
    ['team/sub/edit/advanced/', { kind: 'edit', group: 'team/sub', tab: 'advanced' }],
    ['team/sub', { kind: 'page', group: 'team/sub' }],
    ['team/new', { kind: 'page', group: 'team/new' }],
    ['edit', { kind: 'page', group: 'edit' }],
    ['', { kind: 'none' }],
  ])('%s → %j', (rest, expected) => {
    expect(parseRepoGroupAdminPath(rest)).toEqual(expected);
  });
});
