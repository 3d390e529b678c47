import { extractMentions, readmeCandidates, readmeRenderer, renderMetaTag, translatePythonRegex, urlify } from './index';

describe('urlify', () => {
  it('escapes HTML before linking', () => {
    expect(urlify('<b>x</b> & "y"')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;');
  });

  it('links URLs, bolds mentions and *stars*, keeps newlines as <br/>', () => {
    const html = urlify('see https://example.com/a?b=1&c=2.\nping @alice and *this*');
    expect(html).toBe(
      'see <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>.<br/>ping <b class="mention">@alice</b> and <b>*this*</b>',
    );
  });

  it('links changeset hashes only with a repository context and not inside words', () => {
    const hash = 'abcdef012345';
    expect(urlify(`fix ${hash}`)).toBe(`fix ${hash}`);
    expect(urlify(`fix ${hash} x-${hash}`, { repoName: 'g/r' })).toBe(`fix <a class="changeset_hash" href="/g/r/changeset/${hash}">${hash}</a> x-${hash}`);
  });

  it('applies issue-tracker families in sequence with {repo} and {repo_name}', () => {
    const html = urlify('fixes #12 and JIRA-7', {
      repoName: 'team/app',
      issueTrackers: [
        { pattern: '#(\\d+)', serverLink: 'https://issues.example.com/{repo}/issue/\\1', sub: '' },
        { pattern: '(?P<key>JIRA)-(?P<n>\\d+)', serverLink: 'https://jira/{repo_name}/\\g<key>-\\g<n>', sub: 'J\\g<n>' },
        { pattern: '(', serverLink: 'https://bad', sub: '' },
      ],
    });
    expect(html).toBe(
      'fixes <a class="issue-tracker-link" href="https://issues.example.com/team/app/issue/12">#12</a> and <a class="issue-tracker-link" href="https://jira/app/JIRA-7">J7</a>',
    );
  });

  it('keeps the raw link when a back-reference does not exist', () => {
    expect(urlify('#3', { repoName: 'r', issueTrackers: [{ pattern: '#(\\d+)', serverLink: 'https://x/\\2', sub: '' }] })).toBe(
      '<a class="issue-tracker-link" href="https://x/\\2">#3</a>',
    );
  });

  it('does not put issue links inside URLs', () => {
    const html = urlify('https://h/#5', { repoName: 'r', issueTrackers: [{ pattern: '#(\\d+)', serverLink: 'https://i/\\1', sub: '' }] });
    expect(html).toBe('<a href="https://h/#5">https://h/#5</a>');
  });

  it('stylifies meta tags only when asked', () => {
    expect(urlify('[stale] [license => MIT]')).toBe('[stale] [license =&gt; MIT]');
    expect(urlify('[stale] [license => MIT] [requires => grp/lib]', { stylify: true })).toBe(
      '<div class="label label-meta" data-tag="stale">stale</div> <div class="label label-meta" data-tag="license"><a href="http://www.opensource.org/licenses/MIT">MIT</a></div> <div class="label label-meta" data-tag="requires">requires =&gt; <a href="/grp/lib">grp/lib</a></div>',
    );
    expect(renderMetaTag('[see => javascript:alert(1)"]')).toBeNull();
  });

  it('wraps remaining text in the link target and truncates at a word', () => {
    expect(urlify('fix @bob now', { linkTarget: '/r/changeset/1' })).toBe(
      '<a href="/r/changeset/1">fix </a><b class="mention">@bob</b><a href="/r/changeset/1"> now</a>',
    );
    expect(urlify('one two three four', { truncate: 10 })).toBe('one two…');
  });
});

describe('mentions and regex translation', () => {
  it('finds mentions at start or after non-alphanumerics only', () => {
    expect(extractMentions('@Al, cc:@bob.x mail a@b.com @z')).toEqual(['al', 'bob.x']);
  });

  it('translates Python named groups and inline flags', () => {
    const re = translatePythonRegex('(?i)(?P<id>bug)-(?P=id)')!;
    expect(re.flags).toContain('i');
    expect(re.test('BUG-BUG')).toBe(true);
    expect(translatePythonRegex('(unclosed')).toBeNull();
  });
});

describe('README candidates', () => {
  it('orders candidates as the spec lists them', () => {
    const c = readmeCandidates();
    expect(c.slice(0, 19)).toEqual([
      'readme', 'README', 'Readme', 'readme.md', 'readme.MD', 'readme.rst', 'readme.rest', 'README.md', 'README.MD', 'README.rst', 'README.rest',
      'Readme.md', 'Readme.MD', 'Readme.rst', 'Readme.rest', 'doc/readme', 'doc/README', 'doc/Readme', 'readme.mkdn',
    ]);
    expect(new Set(c).size).toBe(c.length);
    expect(c.length).toBe(15 * 17);
    expect(c.at(-1)).toBe('docs/Readme.MARKDOWN');
  });

  it('picks the renderer from the name', () => {
    expect(readmeRenderer('README.md')).toBe('markdown');
    expect(readmeRenderer('docs/README.mdown')).toBe('markdown');
    expect(readmeRenderer('README.rst')).toBe('rst');
    expect(readmeRenderer('README')).toBe('rst');
    expect(readmeRenderer('notes.text')).toBe('plain');
    expect(['readme.MKDN', 'doc/readme.markdown'].map(readmeRenderer)).toEqual(['markdown', 'markdown']);
    expect(['readme.txt', 'Readme.TEXT'].map(readmeRenderer)).toEqual(['rst', 'rst']);
  });
});
