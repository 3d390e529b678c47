import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { Seeder } from './utils/seed';

describe('home and group pages list what the viewer may read', () => {
  let t: TestApp;
  let seed: Seeder;
  let alice: HttpClient;

  beforeAll(async () => {
    t = await createTestApp();
    seed = new Seeder(t.app.get(DataSource));
    const admin = t.client();
    await admin.login(ADMIN.username, ADMIN.password);
    expect((await admin.post('/api/v1/users', { username: 'alice', password: 'alice-pass', email: 'alice@example.com' })).status).toBe(201);

    await seed.repo('public-one');
    await seed.repo('Another-public', { type: 'hg' });
    await seed.repo('secret', { private: true });
    await seed.repo('shared-secret', { private: true });
    await seed.grantRepo('alice', 'shared-secret', 'repository.read');
    await seed.repo('alices', { private: true, owner: 'alice' });
    await seed.group('team');
    await seed.repo('team/tool');
    await seed.group('hidden', { defaultPerm: 'group.none' });
    await seed.repo('hidden/visible-inside');
    alice = t.client();
    await alice.login('alice', 'alice-pass');
  });
  afterAll(() => t.close());

  const names = (body: any) => ({ groups: body.groups.map((g: any) => g.name), repos: body.repositories.items.map((r: any) => r.name) });

  it('anonymous sees public top-level objects only, sorted by name, groups apart', async () => {
    const res = await t.client().get('/api/v1/browse');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual({ groups: ['team'], repos: ['Another-public', 'public-one'] });
    expect(res.body.canCreateRepository).toBe(false);
  });

  it('a user also sees private repositories they own or were granted', async () => {
    const res = await alice.get('/api/v1/browse');
    expect(names(res.body)).toEqual({ groups: ['team'], repos: ['alices', 'Another-public', 'public-one', 'shared-secret'] });
    // fresh-install defaults let every user create top-level repositories, but not groups
    expect(res.body.canCreateRepository).toBe(true);
    expect(res.body.canCreateGroup).toBe(false);
  });

  it('a super-admin sees everything', async () => {
    const res = await t.client().get('/api/v1/browse', { authorization: `Bearer ${ADMIN.apiKey}` });
    expect(names(res.body)).toEqual({ groups: ['hidden', 'team'], repos: ['alices', 'Another-public', 'public-one', 'secret', 'shared-secret'] });
    expect(res.body.canCreateGroup).toBe(true);
  });

  it('group pages list children and parents; groups the viewer may not read refuse', async () => {
    const team = await alice.get('/api/v1/browse?group=team');
    expect(team.status).toBe(200);
    expect(names(team.body)).toEqual({ groups: [], repos: ['team/tool'] });
    expect(team.body.group).toMatchObject({ name: 'team', parents: [] });
    expect((await alice.get('/api/v1/browse?group=hidden')).status).toBe(403);
    expect((await t.client().get('/api/v1/browse?group=hidden')).status).toBe(401);
    expect((await alice.get('/api/v1/browse?group=nope')).status).toBe(404);
  });

  it('filters on the short name and paginates', async () => {
    const filtered = await alice.get('/api/v1/browse?filter=PUBLIC');
    expect(names(filtered.body).repos).toEqual(['Another-public', 'public-one']);
    const page2 = await alice.get('/api/v1/browse?size=2&page=2');
    expect(page2.body.repositories).toMatchObject({ total: 4, page: 2, size: 2 });
    expect(names(page2.body).repos).toEqual(['public-one', 'shared-secret']);
    expect((await alice.get('/api/v1/browse?size=0')).status).toBe(400);
  });

  it('with anonymous access off, anonymous visitors must sign in', async () => {
    const users = t.app.get(DataSource).getRepository(User);
    await users.update({ username: 'default' }, { active: false });
    try {
      expect((await t.client().get('/api/v1/browse')).status).toBe(401);
      expect((await alice.get('/api/v1/browse')).status).toBe(200);
    } finally {
      await users.update({ username: 'default' }, { active: true });
    }
  });
});
