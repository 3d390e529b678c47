import {
  findCaseInsensitiveClash,
  joinFullName,
  slugifyName,
  splitFullName,
  validateNameSegment,
  validateRepoGroupName,
  validateRepositoryName,
} from './repository-names';

describe('web-ui §0 slugify', () => {
  it.each<[string, string]>([
    ['hello', 'hello'],
    ['My Repo', 'My-Repo'],
    ['My Repo (v2)', 'My-Repo-v2'],
    ['  padded  ', 'padded'],
    ['a--b', 'a-b'],
    ['a - b', 'a-b'],
    ['-lead-and-trail-', 'lead-and-trail'],
    ['a/b', 'a-b'],
    ['a\\b', 'a-b'],
    ['C++', 'C'],
    ['what?=[x];', 'what-x'],
    ["it's \"quoted\"", 'it-s-quoted'],
    ['<tag>', 'tag'],
    ['a,b~c!d@e#f$g%h^i&j*k', 'a-b-c-d-e-f-g-h-i-j-k'],
    ['x{y}|z:w`v', 'x-y-z-w-v'],
    ['dots.and_underscores', 'dots.and_underscores'],
    ['Ünïcödé', 'Ünïcödé'],
    ['@#$', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugifyName(input)).toBe(expected);
  });

  it('replaces every listed character', () => {
    for (const character of '`?=[]\\;\'"<>,/~!@#$%^&*()+{}|: ') expect(slugifyName(`a${character}b`)).toBe('a-b');
  });
});

describe('data-model §1 name segments', () => {
  it.each<string>(['hello', 'Hello_World', 'v1.2', 'a-b', 'a..b', '.hidden', '_private', '_', '_42x', 'x_42', 'Ünïcödé', '42', 'a'.repeat(255)])(
    'repository segment %j is valid and is its own slug',
    (segment) => {
      expect(validateNameSegment(segment, 'repository')).toEqual({ valid: true });
      expect(slugifyName(segment)).toBe(segment);
    },
  );

  it.each<[string, string]>([
    ['', 'Repository name may not be empty'],
    ['.', "Repository name may not contain '.' as a path segment"],
    ['..', "Repository name may not contain '..' as a path segment"],
    ['my repo', 'Repository name may not contain spaces'],
    ['a/b', "Repository name may not contain '/'"],
    ['a\\b', "Repository name may not contain '\\'"],
    ['a:b', "Repository name may not contain ':'"],
    ['a?b', "Repository name may not contain '?'"],
    ['-a', "Repository name may not start or end with '-'"],
    ['a-', "Repository name may not start or end with '-'"],
    ['a--b', "Repository name may not contain '--'"],
    ['a\u0000b', 'Repository name may not contain control characters'],
    ['a\tb', 'Repository name may not contain control characters'],
    ['a\nb', 'Repository name may not contain control characters'],
    ['_admin', "Repository name '_admin' is reserved"],
    ['_42', "Repository name '_42' is reserved for permanent URLs (/_<id>)"],
    ['a'.repeat(256), 'Repository name may be at most 255 characters long'],
  ])('repository segment %j is refused: %s', (segment, message) => {
    expect(validateNameSegment(segment, 'repository')).toEqual({ valid: false, message });
  });

  it.each<[string, string]>([
    ['42', 'Repository group name may not consist of digits only'],
    ['007', 'Repository group name may not consist of digits only'],
    ['_admin', "Repository group name '_admin' is reserved"],
    ['a b', 'Repository group name may not contain spaces'],
  ])('group segment %j is refused: %s', (segment, message) => {
    expect(validateNameSegment(segment, 'repoGroup')).toEqual({ valid: false, message });
  });

  it.each<string>(['g42', '42g', 'team'])('group segment %j is valid', (segment) => {
    expect(validateNameSegment(segment, 'repoGroup')).toEqual({ valid: true });
  });
});

describe('data-model §1 full names', () => {
  it.each<string>(['hello', 'team/hello', 'team/tools/hello', 'team/42', 'g1/g2/g3/r'])('repository %j is valid', (name) => {
    expect(validateRepositoryName(name)).toEqual({ valid: true });
  });

  it.each<[string, string]>([
    ['', 'Repository name may not be empty'],
    ['/hello', "Repository name may not contain an empty path segment (a leading, trailing or doubled '/')"],
    ['hello/', "Repository name may not contain an empty path segment (a leading, trailing or doubled '/')"],
    ['team//hello', "Repository name may not contain an empty path segment (a leading, trailing or doubled '/')"],
    ['team/../hello', "Repository group name may not contain '..' as a path segment"],
    ['team/..', "Repository name may not contain '..' as a path segment"],
    ['42/hello', 'Repository group name may not consist of digits only'],
    ['_admin/x', "Repository group name '_admin' is reserved"],
    ['team/_admin', "Repository name '_admin' is reserved"],
    ['team/my repo', 'Repository name may not contain spaces'],
    [`${'g'.repeat(200)}/${'r'.repeat(55)}`, 'Repository name may be at most 255 characters long'],
  ])('repository %j is refused: %s', (name, message) => {
    expect(validateRepositoryName(name)).toEqual({ valid: false, message });
  });

  it.each<[string, { valid: boolean }]>([
    ['team', { valid: true }],
    ['team/sub', { valid: true }],
    ['team/42', { valid: false }],
    ['team/', { valid: false }],
  ])('repo group %j → %j', (name, expected) => {
    expect(validateRepoGroupName(name)).toMatchObject(expected);
  });

  it('splits and joins full names', () => {
    expect(splitFullName('team/tools/hello')).toEqual({ parentPath: 'team/tools', lastSegment: 'hello' });
    expect(splitFullName('hello')).toEqual({ parentPath: null, lastSegment: 'hello' });
    expect(joinFullName('team/tools', 'hello')).toBe('team/tools/hello');
    expect(joinFullName(null, 'hello')).toBe('hello');
  });

  it.each<[string, string[], string | undefined]>([
    ['Team/Hello', ['team/hello', 'other'], 'team/hello'],
    ['team/hello', ['team/hello'], 'team/hello'],
    ['TEAM', ['team/hello', 'team'], 'team'], // a repository may not take a group's path either
    ['team/hello2', ['team/hello'], undefined],
  ])('case-insensitive clash of %j with %j → %j', (candidate, existing, expected) => {
    expect(findCaseInsensitiveClash(candidate, existing)).toBe(expected);
  });
});
