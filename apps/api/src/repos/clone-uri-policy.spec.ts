import { checkCloneUri, isLocalAddress } from './clone-uri-policy';

describe('clone URI policy', () => {
  it.each(['127.0.0.1', '127.9.9.9', '0.0.0.0', '169.254.1.1', '::1', '::', 'fe80::1', '::ffff:127.0.0.1'])('%s is local', (a) => {
    expect(isLocalAddress(a)).toBe(true);
  });
  it.each(['10.0.0.1', '192.168.1.1', '8.8.8.8', '2001:db8::1'])('%s is not local', (a) => {
    expect(isLocalAddress(a)).toBe(false);
  });

  it('refuses local paths, file URLs, loopback and link-local hosts', async () => {
    for (const uri of ['/etc', 'file:///etc/passwd', 'http://127.0.0.1/x', 'http://localhost:5000/x', 'https://[::1]/x', 'ssh://git@169.254.169.254/x', 'ext::sh -c id', '-uhttp://x']) {
      await expect(checkCloneUri(uri, false)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
  });

  it('accepts public hosts given as addresses without a lookup, and anything local when allowed', async () => {
    await expect(checkCloneUri('https://93.184.216.34/repo.git', false)).resolves.toBeUndefined();
    await expect(checkCloneUri('http://127.0.0.1:5000/repo', true)).resolves.toBeUndefined();
    await expect(checkCloneUri('/srv/repos/x', true)).resolves.toBeUndefined();
  });

  it('names the problem', async () => {
    await expect(checkCloneUri('http://127.0.0.1/x', false)).rejects.toThrow(/not allowed \(127\.0\.0\.1 is 127\.0\.0\.1\)/);
    await expect(checkCloneUri('file:///x', false)).rejects.toThrow(/Local repositories may not be used/);
  });
});
