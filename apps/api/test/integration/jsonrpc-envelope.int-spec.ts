// JSON-RPC transport, envelope, dispatch order and authentication (spec/jsonrpc-api.md §1–§3).
import { DataSource } from 'typeorm';
import { UserApiKey } from '../../src/users/user-api-key.entity';
import { User } from '../../src/users/user.entity';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { rawRpc, RpcClient } from './utils/jsonrpc-client';

describe('JSON-RPC envelope and dispatch (§1, §2)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: { id: number; apiKey: string; rpc: RpcClient };
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = new RpcClient(t.baseUrl, ADMIN.apiKey);
    const created = await t.user('alice');
    alice = { id: created.id, apiKey: created.apiKey, rpc: new RpcClient(t.baseUrl, created.apiKey) };
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    rawRpc(t.baseUrl, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const envelopeOf = (res: { status: number; text: string }) => {
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(Object.keys(body).sort()).toEqual(['error', 'id', 'result']);
    return body as { id: unknown; result: unknown; error: string | null };
  };

  it('answers a call with exactly id, result and error, as application/json with HTTP 200', async () => {
    const res = await admin.call('test', { args: { nested: [1, 'two', null, true] } });
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({ id: 1, result: { nested: [1, 'two', null, true] }, error: null });
    expect(Object.keys(JSON.parse(res.text))).toEqual(['id', 'result', 'error']);
  });

  it('echoes any JSON id verbatim, null included', async () => {
    for (const id of ['abc', 0, null, { deep: [1, { x: 'y' }] }, [1, 2], 12.5, false]) {
      const body = envelopeOf(await post({ id, api_key: ADMIN.apiKey, method: 'test', args: { args: 'x' } }));
      expect(body).toEqual({ id, result: 'x', error: null });
    }
  });

  it('ignores the request content type: text/plain (Kallithea CLI), a form type, none, or garbage', async () => {
    const payload = JSON.stringify({ id: 5, api_key: ADMIN.apiKey, method: 'test', args: { args: 'ok' } });
    const variants: Array<Record<string, string>> = [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}, { 'content-type': 'a/b/c;;;=' }, { 'content-type': 'application/json; charset=utf-8' }];
    for (const headers of variants) {
      const body = envelopeOf(await rawRpc(t.baseUrl, { body: payload, headers }));
      expect(body).toEqual({ id: 5, result: 'ok', error: null });
    }
  });

  it('step 1–2: no Content-Length (GET, chunked POST) and Content-Length 0', async () => {
    expect(envelopeOf(await rawRpc(t.baseUrl, { method: 'GET' }))).toEqual({ id: null, result: null, error: 'No Content-Length in request' });
    const chunked = await rawRpc(t.baseUrl, { body: JSON.stringify({ id: 1, api_key: ADMIN.apiKey, method: 'test', args: {} }), chunked: true, headers: { 'transfer-encoding': 'chunked' } });
    expect(envelopeOf(chunked)).toEqual({ id: null, result: null, error: 'No Content-Length in request' });
    expect(envelopeOf(await rawRpc(t.baseUrl, { body: '', headers: { 'content-length': '0' } }))).toEqual({ id: null, result: null, error: 'Content-Length is 0' });
  });

  it('step 3: a body that is not JSON (or not UTF-8) gets the JSON parse error with id null', async () => {
    for (const raw of ['{not json', '{"id": 1, "api_key": ', 'null null', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const body = envelopeOf(await rawRpc(t.baseUrl, { body: raw, headers: { 'content-type': 'application/json' } }));
      expect(body.id).toBeNull();
      expect(body.result).toBeNull();
      expect(body.error).toMatch(/^JSON parse error/);
    }
  });

  it('step 3: a huge body is refused with an envelope, not a 413 page, and the server stays healthy', async () => {
    const huge = JSON.stringify({ id: 1, api_key: ADMIN.apiKey, method: 'test', args: { args: 'x'.repeat(9 * 1024 * 1024) } });
    const body = envelopeOf(await rawRpc(t.baseUrl, { body: huge, headers: { 'content-type': 'application/json' } }));
    expect(body).toMatchObject({ id: null, result: null });
    expect(body.error).toMatch(/^JSON parse error/);
    expect((await admin.call('test', { args: 1 })).body.result).toBe(1);
  });

  it('step 4: missing keys in the order api_key, id, method, args; the id is echoed once known', async () => {
    expect(envelopeOf(await post({}))).toEqual({ id: null, result: null, error: "Incorrect JSON query missing 'api_key'" });
    expect(envelopeOf(await post({ id: 3, method: 'test', args: {} }))).toEqual({ id: null, result: null, error: "Incorrect JSON query missing 'api_key'" });
    expect(envelopeOf(await post({ api_key: ADMIN.apiKey, method: 'test', args: {} }))).toEqual({ id: null, result: null, error: "Incorrect JSON query missing 'id'" });
    expect(envelopeOf(await post({ api_key: ADMIN.apiKey, id: 7, args: {} }))).toEqual({ id: 7, result: null, error: "Incorrect JSON query missing 'method'" });
    expect(envelopeOf(await post({ api_key: ADMIN.apiKey, id: 7, method: 'test' }))).toEqual({ id: 7, result: null, error: "Incorrect JSON query missing 'args'" });
  });

  it('step 4: a JSON body that is not an object gets the envelope, not a 500 (§8 B10)', async () => {
    for (const raw of ['[1]', '5', '"text"', 'null', 'true', '[]']) {
      expect(envelopeOf(await post(raw))).toEqual({ id: null, result: null, error: "Incorrect JSON query missing 'api_key'" });
    }
  });

  it('step 5: unknown, malformed, non-string, inactive-user, default-user and expired keys are all "Invalid API key"', async () => {
    const invalid = { result: null, error: 'Invalid API key' };
    const call = (apiKey: unknown, method = 'test') => post({ id: 9, api_key: apiKey, method, args: { args: 1 } });
    expect(envelopeOf(await call('f'.repeat(40)))).toEqual({ id: 9, ...invalid });
    expect(envelopeOf(await call('short'))).toEqual({ id: 9, ...invalid });
    expect(envelopeOf(await call(`${ADMIN.apiKey}x`))).toEqual({ id: 9, ...invalid });
    expect(envelopeOf(await call(12345))).toEqual({ id: 9, ...invalid });
    expect(envelopeOf(await call(null))).toEqual({ id: 9, ...invalid });
    // authentication comes before method lookup
    expect(envelopeOf(await call('f'.repeat(40), 'no_such_method'))).toEqual({ id: 9, ...invalid });

    const defaultUser = await db.getRepository(User).findOneByOrFail({ username: 'default' });
    expect(envelopeOf(await call(defaultUser.apiKey))).toEqual({ id: 9, ...invalid });

    const bob = await t.user('bob');
    expect((await new RpcClient(t.baseUrl, bob.apiKey).call('get_user')).body.result.username).toBe('bob');
    await db.getRepository(User).update({ id: bob.id }, { active: false });
    expect(envelopeOf(await call(bob.apiKey, 'get_user'))).toEqual({ id: 9, ...invalid });
    await db.getRepository(User).update({ id: bob.id }, { active: true });
    expect((await new RpcClient(t.baseUrl, bob.apiKey).call('get_user')).body.error).toBeNull();

    const extra = await t.admin().post(`/api/v1/users/${bob.id}/api-keys`, { description: 'ci' });
    expect(extra.status).toBe(201);
    expect((await new RpcClient(t.baseUrl, extra.body.apiKey).ok('get_user')).username).toBe('bob');
    await db.getRepository(UserApiKey).update({ id: extra.body.id }, { expires: Math.floor(Date.now() / 1000) - 60 });
    expect(envelopeOf(await call(extra.body.apiKey, 'get_user'))).toEqual({ id: 9, ...invalid });
  });

  it('step 5: a caller outside the IP allow-list is "Invalid API key"; the key is the only credential read', async () => {
    const carol = await t.user('carol');
    expect((await t.admin().post(`/api/v1/users/${carol.id}/ips`, { ipAddr: '10.1.2.3' })).status).toBe(201);
    expect(await new RpcClient(t.baseUrl, carol.apiKey).error('get_user')).toBe('Invalid API key');
    // headers and cookies do not authenticate: an admin bearer token with a bad body key is still refused …
    expect(await new RpcClient(t.baseUrl, 'f'.repeat(40), { authorization: `Bearer ${ADMIN.apiKey}` }).error('get_user')).toBe('Invalid API key');
    // … and a bad bearer token next to a good body key is ignored, not a 403 page
    expect((await new RpcClient(t.baseUrl, ADMIN.apiKey, { authorization: `Bearer ${'0'.repeat(40)}` }).ok('get_user')).username).toBe('admin');
  });

  it('needs no session and no CSRF token, even when a session cookie comes along', async () => {
    const browser = t.client();
    expect((await browser.login('alice', 'pw-alice-1')).status).toBe(200);
    const cookie = (await browser.request('GET', '/api/v1/me')).status === 200;
    expect(cookie).toBe(true);
    const res = await browser.request('POST', '/_admin/api', { body: JSON.stringify({ id: 1, api_key: alice.apiKey, method: 'get_user', args: {} }), csrf: false });
    expect(res.status).toBe(200);
    expect(res.body.result.username).toBe('alice');
  });

  it('steps 6–7: methods starting with _ are not allowed; unknown names, prototype names and non-strings do not exist', async () => {
    expect(await admin.error('_private')).toBe('Method not allowed');
    expect(await admin.error('__init__')).toBe('Method not allowed');
    for (const name of ['nope', 'constructor', 'toString', 'hasOwnProperty', 'TEST', 'lock', 'get_locks']) {
      expect(await admin.error(name)).toBe(`No such method: ${name}`);
    }
    expect(envelopeOf(await post({ id: 1, api_key: ADMIN.apiKey, method: 5, args: {} }))).toEqual({ id: 1, result: null, error: 'No such method: 5' });
  });

  it('pull-request and gist methods are not available yet: "No such method"', async () => {
    for (const name of ['get_pullrequest', 'comment_pullrequest', 'get_gist', 'get_gists', 'create_gist', 'delete_gist']) {
      expect(await admin.error(name, { gistid: 1 })).toBe(`No such method: ${name}`);
    }
  });

  it('step 8: the last missing required argument is reported; it precedes the unknown-argument check (step 9)', async () => {
    expect(await admin.error('get_repo_nodes', {})).toBe('Missing non optional `root_path` arg in JSON DATA');
    expect(await admin.error('get_repo_nodes', { repoid: 1, revision: 'tip' })).toBe('Missing non optional `root_path` arg in JSON DATA');
    expect(await admin.error('get_repo_nodes', { root_path: '/' })).toBe('Missing non optional `revision` arg in JSON DATA');
    expect(await admin.error('get_repo_nodes', { bogus: 1 })).toBe('Missing non optional `root_path` arg in JSON DATA');
    expect(await admin.error('test', {})).toBe('Missing non optional `args` arg in JSON DATA');
  });

  it('step 9: every unknown argument is named, backticked and comma-separated', async () => {
    const error = await admin.error('test', { args: 1, zeta: 1, alpha: 2 });
    expect(error).toMatch(/^Unknown `(zeta|alpha)`, `(zeta|alpha)` arg in JSON DATA$/);
    expect(error).toContain('`zeta`');
    expect(error).toContain('`alpha`');
    // the manual's misspellings are unknown arguments (§9)
    expect(await admin.error('get_changeset', { repopid: 1, repoid: 1, raw_id: 'tip' })).toBe('Unknown `repopid` arg in JSON DATA');
  });

  it('args that are null or not an object count as {}', async () => {
    for (const args of [null, 5, [1, 2], 'text']) {
      const body = envelopeOf(await post({ id: 2, api_key: alice.apiKey, method: 'get_user', args }));
      expect(body.error).toBeNull();
      expect((body.result as { username: string }).username).toBe('alice');
    }
  });

  it('admin methods refuse other users with the gate style: Internal server error, nothing done', async () => {
    for (const [method, args] of [
      ['test', { args: 1 }],
      ['get_users', {}],
      ['get_server_info', {}],
      ['get_ip', {}],
      ['rescan_repos', {}],
      ['create_user', { username: 'mallory', email: 'm@example.com' }],
      ['get_repo_groups', {}],
      ['create_repo_group', { group_name: 'mallory-group' }],
    ] as const) {
      expect(await alice.rpc.error(method, args)).toBe('Internal server error');
    }
    expect(await db.getRepository(User).countBy({ username: 'mallory' })).toBe(0);
  });

  it('arguments of the wrong JSON type get an envelope error, never a 4xx/5xx, and change nothing', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['get_repo', { repoid: { a: 1 } }],
      ['get_repo', { repoid: true }],
      ['create_user', { username: ['x'], email: 'x@example.com' }],
      ['create_user', { username: 'typed', email: { at: 'example.com' } }],
      ['create_repo', { repo_name: { name: 'typed-repo' } }],
      ['create_repo', { repo_name: 'typed-repo', repo_type: ['git'] }],
      ['get_changesets', { repoid: 1, max_revisions: 'many' }],
      ['get_repo_nodes', { repoid: 1, revision: { r: 1 }, root_path: '/' }],
      ['update_user', { userid: 1, username: null }],
    ];
    for (const [method, args] of cases) {
      const error = await admin.error(method, args);
      expect(error.length).toBeGreaterThan(0);
    }
    expect(await db.getRepository(User).countBy({ username: 'typed' })).toBe(0);
    expect((await admin.ok('get_repos')).map((r: { repo_name: string }) => r.repo_name)).not.toContain('typed-repo');
  });

  it('a result that cannot be encoded (nested too deeply) is Kallithea\'s "Error encoding response"', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const res = await rawRpc(t.baseUrl, { body: `{"id": 4, "api_key": "${ADMIN.apiKey}", "method": "test", "args": {"args": ${deep}}}` });
    const body = envelopeOf(res);
    expect(body.id).toBe(4);
    expect(body.result).toBeNull();
    expect(body.error).toBe('Error encoding response');
  });

  it('other HTTP methods are plain 405s, and /_admin/api never falls through to the web UI', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await rawRpc(t.baseUrl, { method, body: '{}' });
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD, POST');
    }
    const head = await rawRpc(t.baseUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});
