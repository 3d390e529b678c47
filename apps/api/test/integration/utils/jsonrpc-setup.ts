import type { TestApp } from './create-test-app';
import { ADMIN } from './create-test-app';
import { RpcClient } from './jsonrpc-client';

/** A user for JSON-RPC tests: created through REST as the tests' other users are, with a JSON-RPC client on their key. */
export interface RpcUser {
  id: number;
  username: string;
  apiKey: string;
  rpc: RpcClient;
}

export async function rpcUser(t: TestApp, username: string, extra: Record<string, unknown> = {}): Promise<RpcUser> {
  const created = await t.user(username, extra);
  return { id: created.id, username, apiKey: created.apiKey, rpc: new RpcClient(t.baseUrl, created.apiKey) };
}

export function rpcAdmin(t: TestApp): RpcClient {
  return new RpcClient(t.baseUrl, ADMIN.apiKey);
}

/** The built-in API key of any user (read as the super-admin through REST). */
export async function apiKeyOf(t: TestApp, userId: number): Promise<string> {
  const keys = await t.admin().get(`/api/v1/users/${userId}/api-keys`);
  if (keys.status !== 200) throw new Error(`api keys of ${userId}: ${keys.status}`);
  return keys.body.apiKeys[0].apiKey as string;
}

const FRESH_DEFAULTS: Record<string, unknown> = {
  createRepository: 'hg.create.repository',
  fork: 'hg.fork.repository',
  createUserGroup: 'hg.usergroup.create.false',
  createOnWriteRepoGroup: 'hg.create.write_on_repogroup.true',
  defaultRepoPermission: 'repository.read',
  defaultRepoGroupPermission: 'group.read',
  defaultUserGroupPermission: 'usergroup.read',
};

/** Sets default permissions (the global form) through REST; returns a function putting those keys back to fresh-install values. */
export async function setDefaultPermissions(t: TestApp, values: Record<string, unknown>): Promise<() => Promise<void>> {
  const res = await t.admin().put('/api/v1/admin/default-permissions', values);
  if (res.status !== 200) throw new Error(`default permissions: ${res.status} ${res.text}`);
  return async () => {
    const restore = Object.fromEntries(Object.keys(values).map((k) => [k, FRESH_DEFAULTS[k]]));
    const back = await t.admin().put('/api/v1/admin/default-permissions', restore);
    if (back.status !== 200) throw new Error(`restoring default permissions: ${back.status} ${back.text}`);
  };
}
