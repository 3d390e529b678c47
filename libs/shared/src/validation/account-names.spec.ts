import { isApiKeyFormat, normalizeEmail, validateUserGroupName, validateUsername } from './account-names';

const USERNAME_RULE =
  'Username may only contain alphanumeric characters, underscores, periods or dashes and must begin with an alphanumeric character or underscore';

describe('usernames', () => {
  it.each<string>(['alice', 'Alice', 'bob.smith', 'j-doe', 'x_1', '1user', '_svc', 'a', 'a.'.repeat(10)])('%j is valid', (name) => {
    expect(validateUsername(name)).toEqual({ valid: true });
  });

  it.each<[string, string]>([
    ['', 'Username may not be empty'],
    ['default', 'Username "default" cannot be used'],
    ['Default', 'Username "Default" cannot be used'],
    ['new_user', 'Username "new_user" cannot be used'],
    ['-alice', USERNAME_RULE],
    ['.alice', USERNAME_RULE],
    ['al ice', USERNAME_RULE],
    ['alice@example.com', USERNAME_RULE],
    ['al/ice', USERNAME_RULE],
    ['ålice', USERNAME_RULE],
    ['alice\n', USERNAME_RULE],
    ['_42', 'Username "_42" is reserved (names of the form _<digits> are kept for permanent URLs)'],
    ['a'.repeat(256), 'Username may be at most 255 characters long'],
  ])('%j is refused: %s', (name, message) => {
    expect(validateUsername(name)).toEqual({ valid: false, message });
  });
});

describe('user-group names', () => {
  it.each<string>(['devs', 'team-a', 'ops.eu', 'x1', '42'])('%j is valid', (name) => {
    expect(validateUserGroupName(name)).toEqual({ valid: true });
  });

  it.each<[string, string]>([
    ['', 'User group name may not be empty'],
    ['default', 'User group name "default" cannot be used'],
    ['x', 'User group name must be at least 2 characters long'],
    [
      '_devs',
      'User group name may only contain alphanumeric characters, underscores, periods or dashes and must begin with an alphanumeric character',
    ],
    [
      'dev team',
      'User group name may only contain alphanumeric characters, underscores, periods or dashes and must begin with an alphanumeric character',
    ],
  ])('%j is refused: %s', (name, message) => {
    expect(validateUserGroupName(name)).toEqual({ valid: false, message });
  });
});

describe('e-mail and API keys', () => {
  it.each<[string, string]>([
    ['Alice@Example.COM', 'alice@example.com'],
    ['  bob@example.org ', 'bob@example.org'],
  ])('normalizeEmail(%j) → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['a'.repeat(40), true],
    ['0123456789abcdefABCDEF0123456789abcdefAB', true],
    ['a'.repeat(39), false],
    ['a'.repeat(41), false],
    [`${'a'.repeat(39)}-`, false],
    ['', false],
  ])('isApiKeyFormat(%j) → %s', (key, expected) => {
    expect(isApiKeyFormat(key)).toBe(expected);
  });
});
