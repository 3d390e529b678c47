import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/config';

const root = path.resolve(__dirname, '../../../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[]; volumes?: string[]; healthcheck?: { test: unknown }; depends_on?: Record<string, { condition: string }>; build?: string; image?: string }>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('has the api, postgres and redis services, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis']);
    for (const service of Object.values(compose.services)) expect(service.healthcheck?.test).toBeDefined();
  });

  it('publishes HTTP and SSH and keeps data and repositories in named volumes', () => {
    const api = compose.services['api']!;
    expect(api.ports).toEqual(expect.arrayContaining(['5000:5000', '2222:2222']));
    const volumeNames = (api.volumes ?? []).map((v) => v.split(':')[0]);
    expect(volumeNames).toEqual(expect.arrayContaining(['grove-data', 'grove-repos']));
    for (const name of [...volumeNames, 'postgres-data']) expect(Object.keys(compose.volumes)).toContain(name);
    expect(compose.services['postgres']!.volumes?.[0]).toMatch(/^postgres-data:\/var\/lib\/postgresql\/data$/);
  });

  it("starts the api after healthy postgres and redis, with configuration Grove accepts", () => {
    const api = compose.services['api']!;
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    const config = loadConfig(api.environment ?? {});
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://grove:grove@postgres:5432/grove' });
    expect(config.redisUrl).toBe('redis://redis:6379');
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/data');
    // the database credentials match the postgres service
    const pg = compose.services['postgres']!.environment!;
    expect(new URL(config.database.type === 'postgres' ? config.database.url : '').username).toBe(pg['POSTGRES_USER']);
    expect(new URL(config.database.type === 'postgres' ? config.database.url : '').pathname).toBe(`/${pg['POSTGRES_DB']}`);
  });

  it('the image is built from the Dockerfile, which installs git and Mercurial', () => {
    expect(compose.services['api']!.build).toBe('.');
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/apt-get install[^\n]*git mercurial/);
    expect(dockerfile).toMatch(/EXPOSE 5000 2222/);
  });
});
