import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, prepareDataDir } from './config';

describe('loadConfig', () => {
  it('gives the embedded defaults', () => {
    const config = loadConfig({}, '/srv/grove');
    expect(config).toMatchObject({
      dataDir: '/srv/grove/data',
      host: '127.0.0.1',
      port: 5000,
      ssh: { enabled: true, host: '127.0.0.1', port: 2222, publicPort: 2222 },
      database: { type: 'sqlite', path: '/srv/grove/data/grove.sqlite' },
      trustedProxies: [],
      loginThrottle: { maxFailures: 5, maxFailuresPerIp: 30, windowSeconds: 900 },
      logLevel: 'info',
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('switches to PostgreSQL with DATABASE_URL and reads the other variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/grove',
      GROVE_PORT: '8080',
      GROVE_SECURE_COOKIES: 'yes',
      GROVE_TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16',
      GROVE_BASE_URL: 'https://code.example.com/',
    });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://u:p@db:5432/grove' });
    expect(config.port).toBe(8080);
    expect(config.session.secureCookies).toBe(true);
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(config.baseUrl).toBe('https://code.example.com');
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ GROVE_PORT: '99999', GROVE_LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x', GROVE_TRUSTED_PROXIES: 'not-an-ip', GROVE_SESSION_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'GROVE_LOG_LEVEL', 'GROVE_PORT', 'GROVE_SESSION_SECRET', 'GROVE_TRUSTED_PROXIES']);
    expect((error as ConfigError).message).toMatch(/GROVE_PORT: .*\(got "99999"\)/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', GROVE_PORT: '' }).database.type).toBe('sqlite');
  });
});

describe('prepareDataDir', () => {
  it('creates the data directory and a private session secret once', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'grove-cfg-')), 'nested');
    try {
      const first = await prepareDataDir(loadConfig({ GROVE_DATA_DIR: dir }));
      const second = await prepareDataDir(loadConfig({ GROVE_DATA_DIR: dir }));
      expect(first.session.secret).toMatch(/^[0-9a-f]{64}$/);
      expect(second.session.secret).toBe(first.session.secret);
      expect((await readFile(path.join(dir, 'session-secret'), 'utf8')).trim()).toBe(first.session.secret);
      expect((await stat(path.join(dir, 'session-secret'))).mode & 0o077).toBe(0);
      const configured = await prepareDataDir(loadConfig({ GROVE_DATA_DIR: dir, GROVE_SESSION_SECRET: 'z'.repeat(40) }));
      expect(configured.session.secret).toBe('z'.repeat(40));
    } finally {
      await rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
