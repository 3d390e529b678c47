import { arch, release, type } from 'node:os';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthResponse } from '@grove/shared';
import { VcsService } from '@grove/vcs';
import { DataSource } from 'typeorm';
import { GROVE_VERSION } from '../version';

/** Libraries whose versions the server information lists besides the runtime's own components. */
const REPORTED_PACKAGES = ['@nestjs/core', 'fastify', 'typeorm', 'pg', 'sqlite3', 'zod', 'pino'];

/** What the server runs on (JSON-RPC `get_server_info`, with Kallithea's key names). */
export interface ServerInfo {
  /** `[name, version]` pairs, sorted by name case-insensitively */
  modules: Array<[string, string]>;
  /** the runtime (Kallithea: the Python version) */
  runtimeVersion: string;
  platform: string;
  version: string;
  gitVersion: string;
  gitPath: string;
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
  ) {}

  /** Pings the database; a failure is reported, not thrown. */
  async check(): Promise<HealthResponse> {
    const type = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      return { status: 'ok', database: { status: 'up', type, latencyMs }, version: GROVE_VERSION };
    } catch {
      return { status: 'degraded', database: { status: 'down', type }, version: GROVE_VERSION };
    }
  }

  /** Runtime, library and tool versions. */
  async serverInfo(): Promise<ServerInfo> {
    const modules = new Map<string, string>(Object.entries(process.versions).filter((e): e is [string, string] => typeof e[1] === 'string'));
    for (const name of REPORTED_PACKAGES) {
      try {
        modules.set(name, (require(`${name}/package.json`) as { version: string }).version);
      } catch {
        // not installed or its package.json is not exported: leave it out
      }
    }
    const tools = await this.vcs.toolVersions();
    if (tools.hg.version) modules.set('mercurial', tools.hg.version);
    return {
      modules: [...modules].sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase())),
      runtimeVersion: `Node.js ${process.version}`,
      platform: `${type()}-${release()}-${arch()}`,
      version: GROVE_VERSION,
      gitVersion: tools.git.version,
      gitPath: tools.git.path,
    };
  }
}
