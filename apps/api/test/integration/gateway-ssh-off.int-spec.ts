// GROVE_SSH_ENABLED=false turns SSH off entirely: no listener, no ssh:// clone URLs.
import { SshServerService } from '../../src/vcs-gateway/ssh-server.service';
import { createTestApp, type TestApp } from './utils/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ GROVE_SSH_ENABLED: 'false', GROVE_SSH_PORT: '2222' });
});

afterAll(async () => {
  await t?.close();
});

test('no SSH server and no SSH clone template', async () => {
  expect(t.app.get(SshServerService).port()).toBeNull();
  const site = await t.client().get('/api/v1/site');
  expect(site.body.clone).toMatchObject({ uriTemplate: '{scheme}://{user}@{netloc}/{repo}', sshTemplate: null, sshPort: null });
  // the HTTP gateway is unaffected
  expect((await t.admin().post('/api/v1/repos', { name: 'still-http', type: 'git' })).status).toBe(201);
  const res = await fetch(`${t.baseUrl}/still-http/info/refs?service=git-upload-pack`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
});
