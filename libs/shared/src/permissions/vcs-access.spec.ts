import type { RepositoryPermission } from './permission-names';
import {
  decideVcsAfterAuthentication,
  decideVcsBeforeAuthentication,
  requiredLevelFor,
  sshAccessFor,
  type VcsCredentials,
  type VcsDecision,
  type VcsPreAuthenticationDecision,
} from './vcs-access';

describe('§13 decision before authentication (steps 1–3)', () => {
  type Row = [string, Parameters<typeof decideVcsBeforeAuthentication>[0], VcsPreAuthenticationDecision];
  it.each<Row>([
    [
      'missing repository → 404 before anything else',
      { repositoryExists: false, action: 'unrecognised', anonymousAccessAllowed: true, anonymousPermission: 'repository.admin' },
      { outcome: 'refuse', status: 404 },
    ],
    [
      'unrecognised action → 400',
      { repositoryExists: true, action: 'unrecognised', anonymousAccessAllowed: true, anonymousPermission: 'repository.admin' },
      { outcome: 'refuse', status: 400 },
    ],
    [
      'anonymous pull with default read → served as default',
      { repositoryExists: true, action: 'pull', anonymousAccessAllowed: true, anonymousPermission: 'repository.read' },
      { outcome: 'serve', as: 'default' },
    ],
    [
      'anonymous push with default read → authenticate',
      { repositoryExists: true, action: 'push', anonymousAccessAllowed: true, anonymousPermission: 'repository.read' },
      { outcome: 'authenticate' },
    ],
    [
      'anonymous push with default write → served as default',
      { repositoryExists: true, action: 'push', anonymousAccessAllowed: true, anonymousPermission: 'repository.write' },
      { outcome: 'serve', as: 'default' },
    ],
    [
      'anonymous access off (default inactive or IP refused) → authenticate',
      { repositoryExists: true, action: 'pull', anonymousAccessAllowed: false, anonymousPermission: 'repository.admin' },
      { outcome: 'authenticate' },
    ],
    [
      'default none → authenticate',
      { repositoryExists: true, action: 'pull', anonymousAccessAllowed: true, anonymousPermission: 'repository.none' },
      { outcome: 'authenticate' },
    ],
  ])('%s', (_title, input, expected) => {
    expect(decideVcsBeforeAuthentication(input)).toEqual(expected);
  });
});

describe('§13 decision after authentication (steps 4–6, architecture note)', () => {
  const user = (permission: RepositoryPermission | undefined, ipAllowed = true): VcsCredentials => ({ kind: 'authenticated', ipAllowed, permission });
  type Row = [string, 'pull' | 'push', VcsCredentials, 401 | 403 | undefined, VcsDecision];
  it.each<Row>([
    ['no credentials → 401 so the client prompts', 'pull', { kind: 'missing' }, undefined, { outcome: 'refuse', status: 401 }],
    ['wrong password / unknown / inactive user → 401', 'pull', { kind: 'rejected' }, undefined, { outcome: 'refuse', status: 401 }],
    ['auth_ret_code = 403 turns that into 403', 'push', { kind: 'rejected' }, 403, { outcome: 'refuse', status: 403 }],
    ['IP refused after correct credentials → 403', 'pull', user('repository.admin', false), undefined, { outcome: 'refuse', status: 403 }],
    ['no read access → 404 (hidden), not 403', 'pull', user('repository.none'), undefined, { outcome: 'refuse', status: 404 }],
    ['push without read → 404', 'push', user(undefined), undefined, { outcome: 'refuse', status: 404 }],
    ['push with read only → 403', 'push', user('repository.read'), undefined, { outcome: 'refuse', status: 403 }],
    ['pull with read → served', 'pull', user('repository.read'), undefined, { outcome: 'serve', as: 'user' }],
    ['push with write → served', 'push', user('repository.write'), undefined, { outcome: 'serve', as: 'user' }],
    ['push with admin → served', 'push', user('repository.admin'), undefined, { outcome: 'serve', as: 'user' }],
  ])('%s', (_title, action, credentials, authFailureStatus, expected) => {
    expect(decideVcsAfterAuthentication({ action, credentials, ...(authFailureStatus ? { authFailureStatus } : {}) })).toEqual(expected);
  });

  it('pull needs read, push needs write', () => {
    expect(requiredLevelFor('pull')).toBe('read');
    expect(requiredLevelFor('push')).toBe('write');
  });
});

describe('§13 SSH', () => {
  it.each<[RepositoryPermission | undefined, string]>([
    ['repository.admin', 'push'],
    ['repository.write', 'push'],
    ['repository.read', 'pull'],
    ['repository.none', 'denied'],
    [undefined, 'denied'],
  ])('%s → %s', (permission, expected) => {
    expect(sshAccessFor(permission)).toBe(expected);
  });
});
