import { GroveConfig, loadConfig, prepareDataDir, readDotenv } from '@grove/api';

/** Flags shared by the commands that touch an installation. */
export interface InstanceFlags {
  dataDir?: string;
  host?: string;
  port?: string;
}

/** Configuration from `.env` (in the working directory), the environment, then flags (flags win). */
export async function resolveConfig(flags: InstanceFlags, env: NodeJS.ProcessEnv = process.env): Promise<GroveConfig> {
  const merged: Record<string, string | undefined> = { ...readDotenv(process.cwd()), ...env };
  if (flags.dataDir) merged['GROVE_DATA_DIR'] = flags.dataDir;
  if (flags.host) merged['GROVE_HOST'] = flags.host;
  if (flags.port) merged['GROVE_PORT'] = flags.port;
  return prepareDataDir(loadConfig(merged));
}

export function describeDatabase(config: GroveConfig): string {
  return config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : `PostgreSQL ${redactUrl(config.database.url)}`;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
