import { isVcsError } from './errors';
import { decodeBytes, encodingCandidates, repoPath, validateFilePath, validateRepoName, validateRevision } from './names';
import { parseRemoteUrl } from './remote-url';
import { redactCredentials } from './process/redact';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return isVcsError(err) ? err.code : 'other';
  }
};

describe('repository names', () => {
  test.each(['team/tools/hello', 'a', '.rc_gist_store/ABC', 'rm__20240101_000000_000000__x', 'with space/x'])('accepts %j', (name) => {
    expect(validateRepoName(name)).toBe(name);
    expect(repoPath('/srv/repos', name).startsWith('/srv/repos/')).toBe(true);
  });
  test.each(['', '/abs', 'a/../b', '..', 'a/./b', 'a//b', 'a/', '-x', 'a/-b', 'a\\b', 'a\0b', 'a\nb', 'a\u007fb'])('refuses %j', (name) => {
    expect(code(() => validateRepoName(name))).toBe('InvalidName');
  });
});

describe('paths inside a repository', () => {
  test('accepts relative paths and the root, drops a trailing slash', () => {
    expect(validateFilePath('')).toBe('');
    expect(validateFilePath('docs/')).toBe('docs');
    expect(validateFilePath('a b/ü.txt')).toBe('a b/ü.txt');
  });
  test.each(['/etc/passwd', '../x', 'a/../../x', 'a//b', './a', 'a\0b', '-rf', '.git/config', '.hg/hgrc'])('refuses %j', (path) => {
    expect(code(() => validateFilePath(path))).toBe('InvalidPath');
  });
  test('refuses the root where a file is required', () => {
    expect(code(() => validateFilePath('', { allowRoot: false }))).toBe('InvalidPath');
  });
});

describe('revisions', () => {
  test.each(['-1', '--upload-pack=x', '', 'a\nb', 'a\u0000', 'x'.repeat(600)])('refuses %j', (rev) => {
    expect(code(() => validateRevision(rev))).toBe('InvalidRevision');
  });
});

describe('byte decoding', () => {
  test('decodes UTF-8, falls back to Latin-1, and maps names back to their bytes', () => {
    expect(decodeBytes(Buffer.from('naïve', 'utf8'))).toBe('naïve');
    expect(decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
    expect(encodingCandidates('café').map((b) => b.toString('hex'))).toEqual([Buffer.from('café', 'utf8').toString('hex'), '636166e9']);
    expect(encodingCandidates('plain')).toHaveLength(1);
    expect(encodingCandidates('日本')).toHaveLength(1);
  });
});

describe('remote URLs', () => {
  test('accepts http(s) and ssh, local paths only when allowed', () => {
    expect(parseRemoteUrl('https://example.com/x.git').kind).toBe('http');
    expect(parseRemoteUrl('ssh://git@example.com/x').kind).toBe('ssh');
    expect(parseRemoteUrl('git@example.com:x.git', { scpLike: true }).kind).toBe('ssh');
    expect(parseRemoteUrl('/srv/x', { allowLocal: true }).kind).toBe('local');
    expect(parseRemoteUrl('file:///srv/x', { allowLocal: true }).kind).toBe('local');
    expect(parseRemoteUrl('https://u:pw@example.com/x').display).toBe('https://u:***@example.com/x');
  });
  test.each(['/srv/x', 'file:///srv/x', 'ext::sh -c id', 'fd::3', '-u', 'ssh://-oProxyCommand=id/x', 'git@example.com:x', 'http://a b/', 'gopher://x'])('refuses %j', (url) => {
    expect(code(() => parseRemoteUrl(url))).toBe('InvalidArgument');
  });
});

describe('credential redaction', () => {
  test('strips passwords and http tokens but keeps ssh user names', () => {
    expect(redactCredentials('fatal: https://alice:secret@host/x failed')).toBe('fatal: https://alice:***@host/x failed');
    expect(redactCredentials('http://TOKEN123@host/x')).toBe('http://***@host/x');
    expect(redactCredentials('ssh://git@host/x')).toBe('ssh://git@host/x');
  });
});
