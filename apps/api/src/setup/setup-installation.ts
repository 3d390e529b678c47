import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import type { GroveConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { DatabaseState, InstallOptions, InstallResult, dropEverything, inspectDatabase, install } from './installer';

export interface SetupOptions extends Omit<InstallOptions, 'reposRoot'> {
  reposRoot?: string;
  /** install into an existing, empty database */
  reuse?: boolean;
  /** erase an existing installation (or foreign tables) first */
  force?: boolean;
  /** progress lines */
  onProgress?: (message: string) => void;
}

/** Why setup refused; the CLI prints the message and exits non-zero. */
export class SetupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupRefused';
  }
}

/**
 * `grove setup` (Kallithea's `db-create`): creates the database if needed, refuses to touch an
 * existing installation without `force`, and an existing empty database without `reuse`.
 */
export async function setupInstallation(config: GroveConfig, options: SetupOptions): Promise<InstallResult> {
  const progress = options.onProgress ?? (() => undefined);
  const existed = await databaseExists(config);
  if (!existed) {
    progress(`Creating database ${where(config)}`);
    await createDatabase(config);
  }
  const dataSource = await openDataSource(config.database);
  try {
    const state: DatabaseState = await inspectDatabase(dataSource);
    if (state === 'installed' && !options.force) {
      throw new SetupRefused(`Grove is already installed in ${where(config)}. Run setup with --force to erase it and start over.`);
    }
    if (state === 'foreign' && !options.force) {
      throw new SetupRefused(`The database ${where(config)} holds tables that are not a Grove installation. Run setup with --force to erase them.`);
    }
    if (state === 'empty' && existed && !options.reuse && !options.force) {
      throw new SetupRefused(`The database ${where(config)} already exists. Run setup with --reuse to install into it.`);
    }
    if (state !== 'empty') {
      progress('Erasing the existing database (--force)');
      await dropEverything(dataSource);
    }
    progress('Creating the schema, the default user and the admin account');
    return await install(dataSource, { ...options, reposRoot: options.reposRoot ?? path.join(config.dataDir, 'repos') });
  } finally {
    await dataSource.destroy();
  }
}

/** What a database holds; used by `grove serve` to decide on first-run setup. */
export async function installationState(config: GroveConfig): Promise<DatabaseState> {
  if (!(await databaseExists(config))) return 'empty';
  const dataSource = await openDataSource(config.database);
  try {
    return await inspectDatabase(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function where(config: GroveConfig): string {
  if (config.database.type === 'sqlite') return config.database.path;
  const url = new URL(config.database.url);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function databaseExists(config: GroveConfig): Promise<boolean> {
  if (config.database.type === 'sqlite') return existsSync(config.database.path);
  const client = new Client({ connectionString: config.database.url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 3D000 = invalid_catalog_name: the server is there, the database is not.
    if ((error as { code?: string }).code === '3D000') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(config: GroveConfig): Promise<void> {
  if (config.database.type === 'sqlite') return; // the driver creates the file
  const target = new URL(config.database.url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new SetupRefused(`Refusing to create a database with the name "${name}"`);
  const maintenance = new URL(config.database.url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
