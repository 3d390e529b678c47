// Bootstrap only: `node apps/api/dist/main.js` serves with the environment's configuration.
// The `grove serve` command does the same with first-run setup; prefer it.
import 'reflect-metadata';
import { createGroveApp } from './bootstrap';
import { ConfigError, loadConfig, prepareDataDir, readDotenv } from './config/config';

async function main() {
  const config = await prepareDataDir(loadConfig({ ...readDotenv(process.cwd()), ...process.env }));
  const app = await createGroveApp(config);
  app.enableShutdownHooks();
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
