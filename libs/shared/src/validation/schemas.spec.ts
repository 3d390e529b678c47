import {
  apiKeySchema,
  emailSchema,
  ipAllowListEntrySchema,
  repoGroupNameFormSchema,
  repoGroupNameSchema,
  repoGroupSegmentSchema,
  repositoryNameFormSchema,
  repositoryNameSchema,
  userGroupNameSchema,
  usernameSchema,
} from './schemas';

/** The messages of a failed parse, or the parsed value. */
function outcome(schema: { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { messages: result.error.issues.map((issue) => issue.message) };
}

describe('zod schemas', () => {
  it.each<[string, unknown, unknown]>([
    ['repository full name', 'team/hello', { data: 'team/hello' }],
    ['repository full name with ..', 'team/../x', { messages: ["Repository group name may not contain '..' as a path segment"] }],
    ['repository full name is not slugified', 'team/my repo', { messages: ['Repository name may not contain spaces'] }],
    ['non-string', 42, { messages: ['Invalid input: expected string, received number'] }],
  ])('repositoryNameSchema: %s', (_title, value, expected) => {
    expect(outcome(repositoryNameSchema, value)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([
    ['My Repo (v2)', { data: 'My-Repo-v2' }],
    ['_admin', { messages: ["Repository name '_admin' is reserved"] }],
    ['  ', { messages: ['Repository name may not be empty'] }],
    ['a/b', { data: 'a-b' }],
  ])('repositoryNameFormSchema slugifies %j → %j', (value, expected) => {
    expect(outcome(repositoryNameFormSchema, value)).toEqual(expected);
  });

  it('repo-group schemas', () => {
    expect(outcome(repoGroupNameSchema, 'team/sub')).toEqual({ data: 'team/sub' });
    expect(outcome(repoGroupSegmentSchema, 'team/sub')).toEqual({ messages: ["Repository group name may not contain '/'"] });
    expect(outcome(repoGroupNameFormSchema, '2024')).toEqual({ messages: ['Repository group name may not consist of digits only'] });
    expect(outcome(repoGroupNameFormSchema, 'Q1 2024')).toEqual({ data: 'Q1-2024' });
  });

  it('account schemas', () => {
    expect(outcome(usernameSchema, 'alice')).toEqual({ data: 'alice' });
    expect(outcome(usernameSchema, 'default')).toEqual({ messages: ['Username "default" cannot be used'] });
    expect(outcome(userGroupNameSchema, 'devs')).toEqual({ data: 'devs' });
    expect(outcome(userGroupNameSchema, 'default')).toEqual({ messages: ['User group name "default" cannot be used'] });
  });

  it.each<[string, unknown]>([
    [' Alice@Example.COM ', { data: 'alice@example.com' }],
    ["o'neil@example.ie", { data: "o'neil@example.ie" }],
    ['not-an-email', { messages: ['Please enter a valid email address'] }],
    ['a@@example.com', { messages: ['Please enter a valid email address'] }],
    ['a b@example.com', { messages: ['Please enter a valid email address'] }],
  ])('emailSchema(%j) → %j', (value, expected) => {
    expect(outcome(emailSchema, value)).toEqual(expected);
  });

  it('apiKeySchema', () => {
    expect(outcome(apiKeySchema, 'f'.repeat(40))).toEqual({ data: 'f'.repeat(40) });
    expect(outcome(apiKeySchema, 'f'.repeat(39))).toEqual({ messages: ['API key must be exactly 40 letters or digits'] });
  });

  it.each<[string, unknown]>([
    ['10.0.0.1', { data: '10.0.0.1/32' }],
    ['2001:DB8::/32', { data: '2001:db8::/32' }],
    ['10.0.0.0/33', { messages: ["The network size (bits) of '10.0.0.0/33' must be within 0-32 (not '33')"] }],
    ['nope', { messages: ["'nope' is not a valid IPv4 or IPv6 address or network"] }],
  ])('ipAllowListEntrySchema(%j) → %j', (value, expected) => {
    expect(outcome(ipAllowListEntrySchema, value)).toEqual(expected);
  });
});
