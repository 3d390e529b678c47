import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';

describe('authentication (real app, real database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GROVE_LOGIN_MAX_FAILURES: '3', GROVE_LOGIN_MAX_FAILURES_PER_IP: '1000' });
  });
  afterAll(() => t.close());

  async function createUser(username: string, extra: Record<string, unknown> = {}) {
    const res = await t.client().post(
      '/api/v1/users',
      { username, password: 'password-' + username, email: `${username}@example.com`, ...extra },
      { headers: { authorization: `Bearer ${ADMIN.apiKey}` } },
    );
    expect(res.status).toBe(201);
    return res.body as { id: number; username: string };
  }

  it('reports database health', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.database.status).toBe('up');
    expect(res.body.database.type).toBe(process.env['DATABASE_URL'] ? 'postgres' : 'sqlite');
  });

  it('answers /me with 401 when nobody is signed in', async () => {
    const res = await t.client().get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Not signed in' });
  });

  it('logs in with username or e-mail, sets an HttpOnly SameSite=Lax cookie, and logs out', async () => {
    const c = t.client();
    const res = await c.login(ADMIN.username, ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'admin', admin: true, anonymous: false });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('grove_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age/i); // browser session unless "stay logged in"
    expect((await c.get('/api/v1/me')).body.user.username).toBe('admin');

    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect(c.hasCookie('grove_session')).toBe(false);
    expect((await c.get('/api/v1/me')).status).toBe(401);

    const byEmail = t.client();
    expect((await byEmail.login(ADMIN.email.toUpperCase(), ADMIN.password)).status).toBe(200);
  });

  it('"stay logged in" gives the cookie a long max-age', async () => {
    const res = await t.client().login(ADMIN.username, ADMIN.password, true);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('grove_session='))!;
    expect(cookie).toMatch(/Max-Age=2592000/);
  });

  it('rejects wrong passwords without saying which part was wrong', async () => {
    const unknown = await t.client().login('nobody-here', 'whatever');
    const wrong = await t.client().login('admin', 'not-the-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses state-changing requests without the CSRF token, accepts them with it', async () => {
    const c = t.client();
    await c.login(ADMIN.username, ADMIN.password);
    const body = { username: 'csrf-victim', password: 'password-1', email: 'csrf@example.com' };
    const refused = await c.post('/api/v1/users', body, { csrf: false });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/CSRF/);
    const forged = await c.post('/api/v1/users', body, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    // nothing was created by the refused requests
    expect((await c.get('/api/v1/users?filter=csrf-victim')).body.total).toBe(0);
    expect((await c.post('/api/v1/users', body)).status).toBe(201);
    // Kallithea's form field name works too
    const viaField = await c.post('/api/v1/users', { ...body, username: 'csrf-field', email: 'f@example.com', _session_csrf_secret_token: c.csrfToken }, { csrf: false });
    expect(viaField.status).toBe(400); // the token passes; the unknown field is then refused by validation
    expect(viaField.body.message).toMatch(/_session_csrf_secret_token/);
  });

  it('authenticates API keys from the Authorization header and the api_key query parameter, without CSRF', async () => {
    const header = await t.client().get('/api/v1/me', { authorization: `Bearer ${ADMIN.apiKey}` });
    expect(header.status).toBe(200);
    expect(header.body.user.username).toBe('admin');
    expect(header.body.csrfToken).toBeNull();
    const query = await t.client().get(`/api/v1/me?api_key=${ADMIN.apiKey}`);
    expect(query.body.user.username).toBe('admin');
    const post = await t.client().post(`/api/v1/users?api_key=${ADMIN.apiKey}`, { username: 'by-key', password: 'password-1', email: 'bykey@example.com' });
    expect(post.status).toBe(201);
    const bad = await t.client().get('/api/v1/me', { authorization: `Bearer ${'0'.repeat(40)}` });
    expect(bad.status).toBe(403);
    expect(bad.body.message).toBe('Invalid API key');
    expect((await t.client().get('/api/v1/me?api_key=short')).status).toBe(403);
  });

  it('refuses inactive users at login, with their API key and with an existing session', async () => {
    const user = await createUser('soon-inactive');
    const c = t.client();
    expect((await c.login('soon-inactive', 'password-soon-inactive')).status).toBe(200);
    const { apiKey } = await t.app.get(DataSource).getRepository(User).findOneByOrFail({ id: user.id });
    expect((await t.client().get('/api/v1/me', { authorization: `Bearer ${apiKey}` })).status).toBe(200);
    const admin = t.client();
    await admin.login(ADMIN.username, ADMIN.password);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { active: false })).status).toBe(200);

    expect((await c.get('/api/v1/me')).status).toBe(401);
    const byKey = await t.client().get('/api/v1/me', { authorization: `Bearer ${apiKey}` });
    expect(byKey.status).toBe(403);
    expect(byKey.body.message).toBe('Invalid API key');
    const again = await t.client().login('soon-inactive', 'password-soon-inactive');
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('This account is disabled');
  });

  it('ends other sessions when the password changes', async () => {
    const user = await createUser('changes-password');
    const c = t.client();
    await c.login('changes-password', 'password-changes-password');
    const admin = t.client();
    await admin.login(ADMIN.username, ADMIN.password);
    await admin.patch(`/api/v1/users/${user.id}`, { password: 'a-new-password' });
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    await createUser('victim');
    for (let i = 0; i < 3; i++) expect((await t.client().login('victim', 'wrong')).status).toBe(401);
    const blocked = await t.client().login('victim', 'password-victim');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed login attempts/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // other accounts from the same address are not locked out by it
    expect((await t.client().login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });

  it('validates bodies: malformed JSON, unknown fields, wrong types and over-long strings get a 400 naming the field', async () => {
    const c = t.client();
    const malformed = await c.request('POST', '/api/v1/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/JSON/);
    const unknown = await c.post('/api/v1/auth/login', { username: 'a', password: 'b', extra: true });
    expect(unknown.body).toMatchObject({ message: 'Unknown field in request body: extra' });
    const wrongType = await c.post('/api/v1/auth/login', { username: 42, password: 'b' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/^username:/);
    const tooLong = await c.post('/api/v1/users', { username: 'x'.repeat(300), password: 'password', email: 'x@example.com' }, { headers: { authorization: `Bearer ${ADMIN.apiKey}` } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toMatch(/^username:/);
  });
});

describe('throttling per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GROVE_LOGIN_MAX_FAILURES: '100', GROVE_LOGIN_MAX_FAILURES_PER_IP: '4' });
  });
  afterAll(() => t.close());

  it('locks out an address that guesses against many accounts', async () => {
    for (const name of ['u1', 'u2', 'u3', 'u4']) expect((await t.client().login(name, 'guess')).status).toBe(401);
    const blocked = await t.client().login(ADMIN.username, ADMIN.password);
    expect(blocked.status).toBe(429);
    // the request was refused before the password was checked: no last-login update
    const admin = await t.app.get(DataSource).getRepository(User).findOneByOrFail({ username: ADMIN.username });
    expect(admin.lastLogin).toBeNull();
  });
});

describe('session expiry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GROVE_SESSION_TTL: '1' });
  });
  afterAll(() => t.close());

  it('a session stops working after its lifetime', async () => {
    const c = t.client();
    await c.login(ADMIN.username, ADMIN.password);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });
});
