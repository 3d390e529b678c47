import { renderCloneUrl, sshHostname, type CloneUrlTokens } from './clone-url';

const tokens: CloneUrlTokens = { scheme: 'https', user: 'alice', netloc: 'code.example.com', prefix: '', repo: 'team/app', repoid: 7, system_user: 'grove', hostname: 'code.example.com:2222' };

describe('renderCloneUrl', () => {
  it('fills Kallithea’s default templates', () => {
    expect(renderCloneUrl('{scheme}://{user}@{netloc}/{repo}', tokens)).toBe('https://alice@code.example.com/team/app');
    expect(renderCloneUrl('ssh://{system_user}@{hostname}/{repo}', tokens)).toBe('ssh://grove@code.example.com:2222/team/app');
    expect(renderCloneUrl('{scheme}://{user}@{netloc}/_{repoid}', tokens)).toBe('https://alice@code.example.com/_7');
  });

  it('drops {user}@ for anonymous visitors and keeps unknown tokens visible', () => {
    expect(renderCloneUrl('{scheme}://{user}@{netloc}/{repo}', { ...tokens, user: '' })).toBe('https://code.example.com/team/app');
    expect(renderCloneUrl('{scheme}://{nope}/{repo}', tokens)).toBe('https://{nope}/team/app');
  });
});

describe('sshHostname', () => {
  it('adds the port unless it is 22 and brackets IPv6 addresses', () => {
    expect(sshHostname('git.example.com', 22)).toBe('git.example.com');
    expect(sshHostname('git.example.com', 2222)).toBe('git.example.com:2222');
    expect(sshHostname('::1', 2222)).toBe('[::1]:2222');
  });
});
