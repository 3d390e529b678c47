import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { failure, JsonRpcError, messages, shown } from './jsonrpc-errors';
import { ArgumentTypeError, coerceArgs, pythonTruthy } from './jsonrpc-method';
import { serializeEnvelope } from './jsonrpc-dispatcher';
import { lastChangeset, localDate, parseLocalDate, toKallitheaUser } from './kallithea-shapes';
import { kallitheaDirOrder } from './methods/repos.methods';
import type { User } from '../users/user.entity';

describe('pythonTruthy (flags are taken by truthiness, §1)', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['false', true],
    ['', false],
    [null, false],
    [[], false],
    [[0], true],
    [{}, false],
    [{ a: 1 }, true],
  ])('%j → %s', (value, expected) => expect(pythonTruthy(value)).toBe(expected));
});

describe('coerceArgs', () => {
  const specs = [
    { name: 'repoid', kind: 'id' },
    { name: 'name', kind: 'string', optional: true },
    { name: 'clone_uri', kind: 'string', optional: true, nullable: true },
    { name: 'flag', kind: 'bool', optional: true },
    { name: 'max', kind: 'int', optional: true },
    { name: 'start', kind: 'revision', optional: true },
  ] as const;

  it('keeps ids, turns numbers into strings for string arguments, parses integer strings, passes nulls only where allowed', () => {
    expect(coerceArgs(specs, { repoid: 'g/r', name: 42, clone_uri: null, flag: 'no', max: ' 12 ', start: 3 })).toEqual({
      repoid: 'g/r',
      name: '42',
      clone_uri: null,
      flag: true,
      max: 12,
      start: 3,
    });
    expect(coerceArgs(specs, { repoid: 7, name: null })).toEqual({ repoid: 7 });
    expect(coerceArgs(specs, { repoid: 7 })).toEqual({ repoid: 7 });
  });

  it.each<Record<string, unknown>>([
    { repoid: { a: 1 } },
    { repoid: true },
    { repoid: null },
    { repoid: 1, name: ['x'] },
    { repoid: 1, name: false },
    { repoid: 1, max: 'many' },
    { repoid: 1, max: 1.5 },
    { repoid: 1, start: 2.5 },
  ])('refuses %j with an argument type error', (sent) => {
    expect(() => coerceArgs(specs, sent)).toThrow(ArgumentTypeError);
  });
});

describe('local dates (§4)', () => {
  it('formats local time without a zone, with .mmm only for a non-zero fraction', () => {
    const d = new Date(2021, 2, 4, 5, 6, 7);
    expect(localDate(d)).toBe('2021-03-04T05:06:07');
    expect(localDate(new Date(2021, 2, 4, 5, 6, 7, 89))).toBe('2021-03-04T05:06:07.089');
    expect(localDate(new Date(2021, 2, 4, 5, 6, 7, 89), false)).toBe('2021-03-04T05:06:07');
  });

  it('parses exactly YYYY-MM-DDTHH:MM:SS as local time and refuses anything else', () => {
    expect(parseLocalDate('2021-03-04T05:06:07')?.getTime()).toBe(new Date(2021, 2, 4, 5, 6, 7).getTime());
    for (const bad of ['2021-03-04', '2021-03-04 05:06:07', '2021-02-30T10:00:00', '2021-03-04T25:00:00', '2021-03-04T05:06:07Z', '']) {
      expect(parseLocalDate(bad)).toBeUndefined();
    }
  });

  it('last_changeset of an empty repository is Kallithea\'s empty changeset at the epoch', () => {
    expect(lastChangeset(null)).toEqual({ raw_id: '0'.repeat(40), short_id: '0'.repeat(12), revision: -1, message: '', author: '', date: localDate(new Date(0), false) });
    expect(lastChangeset('not json').revision).toBe(-1);
  });
});

describe('the User shape (§4)', () => {
  it('has exactly the 8 keys, primary e-mail first', () => {
    const user = { id: 3, username: 'alice', firstname: 'A', lastname: 'L', email: 'a@example.com', active: true, admin: false, apiKey: 'k'.repeat(40) } as User;
    const shaped = toKallitheaUser(user, ['b@example.com', 'a@example.com']);
    expect(shaped).toEqual({ user_id: 3, username: 'alice', firstname: 'A', lastname: 'L', email: 'a@example.com', emails: ['a@example.com', 'b@example.com'], active: true, admin: false });
  });
});

describe('kallitheaDirOrder (get_repo_nodes)', () => {
  it('lists the subdirectories of each directory when its walk reaches it', () => {
    // pre-order would be a, a/x, a/x/deep, b, b/y
    expect(kallitheaDirOrder(['a', 'a/x', 'a/x/deep', 'b', 'b/y'])).toEqual(['a', 'b', 'a/x', 'a/x/deep', 'b/y']);
    expect(kallitheaDirOrder(['src/lib', 'src/lib/deep', 'src/app'])).toEqual(['src/app', 'src/lib', 'src/lib/deep']);
    expect(kallitheaDirOrder([])).toEqual([]);
  });
});

describe('the error table', () => {
  it('maps domain reasons to Kallithea messages and everything else to the method\'s failure message', () => {
    const taken = new DomainError(ErrorCode.Conflict, 'x', undefined, { kind: 'name-taken', object: 'repository', isFork: true });
    expect(failure('fork_repo', taken, { repoid: 5, repoName: 'src', forkName: 'f' }).message).toBe('fork `f` already exist');
    expect(failure('create_repo', taken, { repoName: 'r' }).message).toBe('repo `r` already exist');
    expect(failure('create_repo', new DomainError(ErrorCode.Forbidden, 'x', undefined, { kind: 'global-permission' }), { repoName: 'r' }).message).toBe(messages.internal);
    expect(failure('create_repo', new DomainError(ErrorCode.Forbidden, 'x', undefined, { kind: 'owner-param' }), { repoName: 'r' }).message).toBe(
      'Only Kallithea admin can specify `owner` param',
    );
    expect(failure('create_repo', new Error('disk full'), { repoName: 'r' }).message).toBe('failed to create repository `r`');
    expect(failure('delete_user_group', new DomainError(ErrorCode.Conflict, 'x', undefined, { kind: 'in-use', repositories: ['a', 'b/c'] }), { id: 1, name: 'g' }).message).toBe(
      'User Group assigned to a, b/c',
    );
    const passThrough = new JsonRpcError('as is');
    expect(failure('pull', passThrough, { repoName: 'r' })).toBe(passThrough);
  });

  it('echoes values as sent', () => {
    expect(shown('g/r')).toBe('g/r');
    expect(shown(42)).toBe('42');
    expect(shown({ a: 1 })).toBe('{"a":1}');
  });
});

describe('serializeEnvelope', () => {
  it('always has the three keys; an unserialisable result becomes the encoding error', () => {
    expect(JSON.parse(serializeEnvelope({ id: 1, result: undefined, error: null }))).toEqual({ id: 1, result: null, error: null });
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(JSON.parse(serializeEnvelope({ id: 'x', result: loop, error: null }))).toEqual({ id: 'x', result: null, error: 'Error encoding response' });
  });
});
