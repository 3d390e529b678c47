import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { CONFIG_VARIABLES, ConfigVariableName } from './config.schema';

type ConfigValues = { [K in ConfigVariableName]: z.output<(typeof CONFIG_VARIABLES)[K]['schema']> };

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

/** Typed, validated configuration. Services read this, never `process.env`. */
export interface GroveConfig {
  dataDir: string;
  host: string;
  port: number;
  /** the built-in SSH server; `publicPort` is what clone URLs show */
  ssh: {
    enabled: boolean;
    host: string;
    port: number;
    publicPort: number;
    /** authorized_keys file for the system sshd that the server keeps current (unset: none) */
    authorizedKeysFile?: string;
    /** how sshd starts `grove` there (unset: this node and script) */
    authorizedKeysCommand?: string;
  };
  baseUrl?: string;
  database: DatabaseConfig;
  redisUrl?: string;
  session: { secret?: string; ttlSeconds: number; rememberTtlSeconds: number; secureCookies: boolean };
  trustedProxies: string[];
  loginThrottle: { maxFailures: number; maxFailuresPerIp: number; windowSeconds: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webDir: string;
}

/** Raised when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads `.env` from `dir` if present; real environment variables win over it. */
export function readDotenv(dir: string): Env {
  const file = path.join(dir, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file)) : {};
}

/**
 * Validates the environment once. `env` is usually `{...readDotenv(cwd), ...process.env}`.
 * Relative paths resolve against `cwd`.
 */
export function loadConfig(env: Env, cwd = process.cwd()): GroveConfig {
  const values: Record<string, unknown> = {};
  const problems: { variable: string; message: string }[] = [];
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES)) {
    const raw = env[name] === '' && spec.default !== '' ? undefined : env[name];
    const input = raw ?? spec.default;
    const result = (spec.schema as z.ZodType).safeParse(input);
    if (result.success) values[name] = result.data;
    else problems.push({ variable: name, message: `${result.error.issues[0]?.message ?? 'invalid value'} (got ${JSON.stringify(raw)})` });
  }
  const trusted = String(values['GROVE_TRUSTED_PROXIES'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of trusted) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry)) {
      problems.push({ variable: 'GROVE_TRUSTED_PROXIES', message: `"${entry}" is not an IP address or CIDR` });
    }
  }
  if (problems.length) throw new ConfigError(problems);

  const v = values as ConfigValues;
  const dataDir = path.resolve(cwd, v.GROVE_DATA_DIR);
  const databaseUrl = v.DATABASE_URL;
  return {
    dataDir,
    host: v.GROVE_HOST,
    port: v.GROVE_PORT,
    ssh: { enabled: v.GROVE_SSH_ENABLED, host: v.GROVE_SSH_HOST ?? v.GROVE_HOST, port: v.GROVE_SSH_PORT, publicPort: v.GROVE_SSH_PUBLIC_PORT ?? v.GROVE_SSH_PORT,
      authorizedKeysFile: v.GROVE_SSH_AUTHORIZED_KEYS_FILE ? path.resolve(cwd, v.GROVE_SSH_AUTHORIZED_KEYS_FILE) : undefined,
      authorizedKeysCommand: v.GROVE_SSH_AUTHORIZED_KEYS_COMMAND,
    },
    baseUrl: v.GROVE_BASE_URL?.replace(/\/+$/, ''),
    database: databaseUrl ? { type: 'postgres', url: databaseUrl } : { type: 'sqlite', path: path.join(dataDir, 'grove.sqlite') },
    redisUrl: v.REDIS_URL,
    session: {
      secret: v.GROVE_SESSION_SECRET,
      ttlSeconds: v.GROVE_SESSION_TTL,
      rememberTtlSeconds: v.GROVE_SESSION_REMEMBER_TTL,
      secureCookies: v.GROVE_SECURE_COOKIES,
    },
    trustedProxies: trusted,
    loginThrottle: {
      maxFailures: v.GROVE_LOGIN_MAX_FAILURES,
      maxFailuresPerIp: v.GROVE_LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: v.GROVE_LOGIN_THROTTLE_WINDOW,
    },
    logLevel: v.GROVE_LOG_LEVEL,
    webDir: v.GROVE_WEB_DIR ? path.resolve(cwd, v.GROVE_WEB_DIR) : path.resolve(__dirname, '../../../web/dist'),
  };
}

/**
 * Creates the data directory and, unless configured, the session secret kept in it, so every
 * process that shares the data directory signs cookies with the same key.
 */
export async function prepareDataDir(config: GroveConfig): Promise<GroveConfig> {
  await mkdir(config.dataDir, { recursive: true });
  if (config.session.secret) return config;
  const file = path.join(config.dataDir, 'session-secret');
  let secret: string;
  try {
    secret = (await readFile(file, 'utf8')).trim();
  } catch {
    secret = randomBytes(32).toString('hex');
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      // Another process created it first: use theirs.
      if (e.code !== 'EEXIST') throw e;
      secret = (await readFile(file, 'utf8')).trim();
    });
    await chmod(file, 0o600).catch(() => undefined);
  }
  return { ...config, session: { ...config.session, secret } };
}
