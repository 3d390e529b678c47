import { classifyVcsRequest, hgAction, isHgPushDiscovery } from './vcs-request';

const hgHeaders = { accept: 'application/mercurial-0.1', 'user-agent': 'mercurial/proto-1.0 (Mercurial 6.3.2)' };

describe('classifyVcsRequest', () => {
  it('recognises git smart-HTTP requests for names with slashes and permanent ids', () => {
    expect(classifyVcsRequest('GET', '/team/app/info/refs?service=git-upload-pack', {})).toMatchObject({ vcs: 'git', repoRef: 'team/app', pathInfo: '/info/refs', action: 'pull' });
    expect(classifyVcsRequest('GET', '/_12/info/refs?service=git-receive-pack', {})).toMatchObject({ repoRef: '_12', action: 'push' });
    expect(classifyVcsRequest('POST', '/team/app/git-upload-pack', {})).toMatchObject({ action: 'pull', pathInfo: '/git-upload-pack' });
    expect(classifyVcsRequest('POST', '/team/app/git-receive-pack', {})).toMatchObject({ action: 'push' });
    expect(classifyVcsRequest('POST', '/my%20repo/git-receive-pack', {})).toMatchObject({ repoRef: 'my repo' });
  });

  it('leaves everything else to the SPA and the APIs', () => {
    expect(classifyVcsRequest('GET', '/team/app/info/refs', {})).toBeNull(); // a file page, not a git client
    expect(classifyVcsRequest('GET', '/team/app/git-upload-pack', {})).toBeNull();
    expect(classifyVcsRequest('GET', '/api/v1/repos', {})).toBeNull();
    expect(classifyVcsRequest('GET', '/team/app?cmd=capabilities', { accept: 'text/html' })).toBeNull();
    expect(classifyVcsRequest('GET', '/info/refs?service=git-upload-pack', {})).toBeNull();
    expect(classifyVcsRequest('GET', '/%E0%A4%A/info/refs?service=git-upload-pack', {})).toBeNull();
  });

  it('refuses unknown git services and malformed hg commands with 400', () => {
    expect(classifyVcsRequest('GET', '/a/info/refs?service=git-evil', {})).toMatchObject({ error: expect.stringContaining('Unknown git service') });
    expect(classifyVcsRequest('GET', '/a?cmd=../x', hgHeaders)).toMatchObject({ error: 'Invalid hg command' });
  });

  it('recognises hg by cmd= and the client headers; writes are unbundle, pushkey and unknown commands', () => {
    expect(classifyVcsRequest('GET', '/team/hg?cmd=capabilities', hgHeaders)).toMatchObject({ vcs: 'hg', repoRef: 'team/hg', command: 'capabilities', action: 'pull' });
    expect(classifyVcsRequest('POST', '/team/hg?cmd=unbundle', { 'user-agent': 'mercurial/proto-1.0' })).toMatchObject({ action: 'push' });
    expect(classifyVcsRequest('POST', '/team/hg?cmd=pushkey', hgHeaders)).toMatchObject({ action: 'push' });
    expect(classifyVcsRequest('GET', '/team/hg?cmd=frobnicate', hgHeaders)).toMatchObject({ action: 'push' });
  });
});

describe('hgAction for batch', () => {
  const none = new URLSearchParams();
  it('is a pull only when every sub-command is one', () => {
    expect(hgAction('batch', none, { 'x-hgarg-1': 'cmds=heads+%3Bknown+nodes%3D' })).toBe('pull');
    expect(hgAction('batch', none, { 'x-hgarg-1': 'cmds=heads+%3Bpush', 'x-hgarg-2': 'key+x' })).toBe('push');
    expect(hgAction('batch', new URLSearchParams('cmds=heads+%3Blistkeys+namespace%3Dphases'), {})).toBe('pull');
    expect(hgAction('batch', none, {})).toBe('push'); // arguments missing
    expect(hgAction('batch', none, { 'x-hgargs-post': '120', 'x-hgarg-1': 'cmds=heads' })).toBe('push'); // arguments in the body
  });
});

describe('isHgPushDiscovery', () => {
  const none = new URLSearchParams();
  it('accepts the reads of a push that offers changesets, never those of a clone', () => {
    expect(isHgPushDiscovery('capabilities', none, {})).toBe(true);
    expect(isHgPushDiscovery('batch', none, { 'x-hgarg-1': 'cmds=heads+%3Bknown+nodes%3De2771520644b1d92134ee3e44f761817dbe56406' })).toBe(true);
    expect(isHgPushDiscovery('batch', none, { 'x-hgarg-1': 'cmds=heads+%3Bknown+nodes%3D' })).toBe(false);
    expect(isHgPushDiscovery('known', none, { 'x-hgarg-1': 'nodes=' })).toBe(false);
    expect(isHgPushDiscovery('getbundle', none, {})).toBe(false);
  });
});
