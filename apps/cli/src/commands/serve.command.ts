import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { createGroveApp, createLogger, installationState, setupInstallation } from '@grove/api';
import { describeDatabase, resolveConfig } from '../lib/cli-config';

interface ServeFlags {
  dataDir?: string;
  host?: string;
  port?: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the Grove server; on first start it also creates the installation and prints the admin login')
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .option('--host <address>', 'listen address (GROVE_HOST)')
    .option('--port <port>', 'listen port (GROVE_PORT)')
    .action(async (flags: ServeFlags) => {
      const started = performance.now();
      const config = await resolveConfig(flags);
      const state = await installationState(config);
      if (state === 'foreign') {
        throw new Error(`The database (${describeDatabase(config)}) is not a Grove installation; run \`grove setup\` to choose what to do.`);
      }
      let firstRun: { username: string; password: string } | undefined;
      if (state === 'empty') {
        firstRun = { username: 'admin', password: randomBytes(12).toString('base64url') };
        console.log(`First start: creating a new installation in ${describeDatabase(config)}`);
        await setupInstallation(config, {
          admin: { ...firstRun, email: 'admin@grove.local' },
          reuse: true,
        });
      }
      const logger = createLogger(config.logLevel);
      const app = await createGroveApp(config, logger);
      app.enableShutdownHooks();
      await app.listen({ host: config.host, port: config.port });
      const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
      logger.info({ url, startupMs: Math.round(performance.now() - started), database: config.database.type }, 'Grove is ready');
      console.log(`\nGrove is running at ${url}`);
      if (firstRun) {
        console.log(`Log in as "${firstRun.username}" with the password: ${firstRun.password}`);
        console.log('(shown only this once — change it under My Account)');
      }
    });
}
