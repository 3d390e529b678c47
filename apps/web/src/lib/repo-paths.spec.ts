import { parseLineAnchor, parseRepoPage, repoUrls } from './repo-paths';

describe('parseRepoPage', () => {
  it.each([
    ['', { page: 'summary' }],
    ['summary', { page: 'summary' }],
    ['changelog', { page: 'changelog' }],
    ['changelog/default/docs/a.txt', { page: 'changelog', rev: 'default', path: 'docs/a.txt' }],
    ['changeset/abc123', { page: 'changeset', rev: 'abc123' }],
    ['changeset/abc...def', { page: 'range', from: 'abc', to: 'def' }],
    ['files/tip', { page: 'files', rev: 'tip', path: '' }],
    ['files/tip/a%20b/c.txt', { page: 'files', rev: 'tip', path: 'a b/c.txt' }],
    ['annotate/1/x.py', { page: 'annotate', rev: '1', path: 'x.py' }],
    ['edit/default/x.py', { page: 'edit', rev: 'default', path: 'x.py' }],
    ['compare/branch@default...rev@abc', { page: 'compare', base: 'default', head: 'abc' }],
    ['raw/tip/a.txt', { page: 'data', apiPath: 'raw', query: { rev: 'tip', path: 'a.txt' } }],
    ['raw-changeset/abc', { page: 'data', apiPath: 'changesets/abc/raw', query: {} }],
    ['archive/tip.zip', { page: 'data', apiPath: 'archive/tip.zip', query: {} }],
    ['diff-2way/a/b.txt', { page: 'diff', path: 'a/b.txt', twoWay: true }],
    ['statistics', { page: 'statistics' }],
    ['followers', { page: 'followers' }],
    ['nonsense', { page: 'unknown' }],
  ])('%s', (rest, expected) => {
    expect(parseRepoPage(rest)).toEqual(expected);
  });

  it('builds URLs that parse back', () => {
    const url = repoUrls.files('_7', 'default', 'dir/a b.txt');
    expect(url).toBe('/_7/files/default/dir/a%20b.txt');
    expect(parseRepoPage(url.slice('/_7/'.length))).toEqual({ page: 'files', rev: 'default', path: 'dir/a b.txt' });
    expect(repoUrls.changelog('g/r', { branch: 'stable', size: 20 })).toBe('/g/r/changelog?branch=stable&size=20');
  });
});

describe('parseLineAnchor', () => {
  it('reads single lines, ranges and lists', () => {
    expect([...parseLineAnchor('#L5')]).toEqual([5]);
    expect([...parseLineAnchor('#L5-7')]).toEqual([5, 6, 7]);
    expect([...parseLineAnchor('#L1,4-6')]).toEqual([1, 4, 5, 6]);
    expect(parseLineAnchor('#top').size).toBe(0);
  });
});
