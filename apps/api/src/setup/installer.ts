import { randomBytes } from 'node:crypto';
import { access, constants, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { ALL_PERMISSION_NAMES, DEFAULT_USER_PERMISSIONS } from '@grove/shared';
import { DataSource, EntityManager } from 'typeorm';
import { Permission, UserGlobalPermission } from '../permissions/permission.entities';
import { Setting } from '../settings/setting.entity';
import { DEFAULT_SETTINGS, DEFAULT_UI_ROWS, REPOS_ROOT_UI } from '../settings/settings.defaults';
import { UiSetting } from '../settings/ui-setting.entity';
import { hashPassword } from '../auth/password-hasher';
import { generateApiKey } from '../users/api-key';
import { DEFAULT_USERNAME, User } from '../users/user.entity';

export type DatabaseState =
  /** no tables at all */
  | 'empty'
  /** a Grove installation (users table with the default user) */
  | 'installed'
  /** tables, but not an installation of Grove */
  | 'foreign';

export interface InstallOptions {
  admin: { username: string; password: string; email: string; apiKey?: string };
  reposRoot: string;
  /** false turns anonymous access off (the default user starts inactive) */
  anonymousAccess?: boolean;
}

export interface InstallResult {
  adminId: number;
  adminApiKey: string;
  reposRoot: string;
}

/** What a database holds, so setup can refuse to overwrite an installation. */
export async function inspectDatabase(dataSource: DataSource): Promise<DatabaseState> {
  const runner = dataSource.createQueryRunner();
  try {
    const tables = await listTables(dataSource);
    if (tables.length === 0) return 'empty';
    if (!tables.includes('users')) return 'foreign';
    const rows = (await runner.query(`SELECT COUNT(*) AS n FROM users WHERE username = '${DEFAULT_USERNAME}'`)) as { n: string | number }[];
    return Number(rows[0]?.n ?? 0) > 0 ? 'installed' : 'foreign';
  } finally {
    await runner.release();
  }
}

/** Removes every table (for `setup --force`). */
export async function dropEverything(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    await dataSource.query('DROP SCHEMA public CASCADE');
    await dataSource.query('CREATE SCHEMA public');
    return;
  }
  await dataSource.query('PRAGMA foreign_keys = OFF');
  for (const table of await listTables(dataSource)) await dataSource.query(`DROP TABLE "${table}"`);
  await dataSource.query('PRAGMA foreign_keys = ON');
}

async function listTables(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    dataSource.options.type === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Kallithea's `db-create`: schema, the 28 permissions, the default user with the fresh-install
 * permissions (permissions.md §3), the admin account, settings and the repositories root.
 * Runs migrations, then seeds in one transaction.
 */
export async function install(dataSource: DataSource, options: InstallOptions): Promise<InstallResult> {
  const reposRoot = path.resolve(options.reposRoot);
  await mkdir(reposRoot, { recursive: true });
  await access(reposRoot, constants.W_OK).catch(() => {
    throw new Error(`The repositories root ${reposRoot} is not writable`);
  });
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource.transaction(async (manager) => {
    const permissions = await manager.save(
      Permission,
      ALL_PERMISSION_NAMES.map((name) => manager.create(Permission, { name })),
    );
    const permissionId = new Map(permissions.map((p) => [p.name, p.id]));

    const now = new Date();
    const defaultUser = await manager.save(
      manager.create(User, {
        username: DEFAULT_USERNAME,
        // Nobody can log in as the default user: a random password nobody knows.
        password: await hashPassword(randomBytes(24).toString('hex')),
        active: options.anonymousAccess ?? true,
        admin: false,
        firstname: 'Anonymous',
        lastname: 'User',
        email: 'anonymous@grove.invalid',
        apiKey: generateApiKey(),
        createdOn: now,
      }),
    );
    await manager.save(
      UserGlobalPermission,
      DEFAULT_USER_PERMISSIONS.map((name) => manager.create(UserGlobalPermission, { userId: defaultUser.id, permissionId: permissionId.get(name)! })),
    );

    const adminApiKey = options.admin.apiKey ?? generateApiKey();
    const admin = await manager.save(
      manager.create(User, {
        username: options.admin.username,
        password: await hashPassword(options.admin.password),
        active: true,
        admin: true,
        firstname: '',
        lastname: '',
        email: options.admin.email.toLowerCase(),
        apiKey: adminApiKey,
        externType: 'internal',
        createdOn: now,
      }),
    );

    await seedSettings(manager, reposRoot);
    return { adminId: admin.id, adminApiKey, reposRoot };
  });
}

async function seedSettings(manager: EntityManager, reposRoot: string) {
  await manager.save(
    Setting,
    Object.entries(DEFAULT_SETTINGS).map(([name, { value, type }]) => manager.create(Setting, { name, value, type })),
  );
  await manager.save(UiSetting, [
    manager.create(UiSetting, { section: REPOS_ROOT_UI.section, key: REPOS_ROOT_UI.key, value: reposRoot, active: true }),
    ...DEFAULT_UI_ROWS.map((row) => manager.create(UiSetting, row)),
  ]);
}
