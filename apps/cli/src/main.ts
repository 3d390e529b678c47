#!/usr/bin/env node
import { Command } from 'commander';
import { apiCommand } from './commands/api.command';

async function main(argv: string[]): Promise<void> {
  // `grove api` is a small HTTP client: it starts without loading the server's modules (seconds).
  if (argv[2] === 'api') {
    await new Command('grove').addCommand(apiCommand()).parseAsync(argv);
    return;
  }
  const [{ GROVE_VERSION }, config, purge, scan, serve, setup, ssh] = await Promise.all([
    import('@grove/api'),
    import('./commands/config-create.command.js'),
    import('./commands/repo-purge-deleted.command.js'),
    import('./commands/repo-scan.command.js'),
    import('./commands/serve.command.js'),
    import('./commands/setup.command.js'),
    import('./commands/ssh.command.js'),
  ]);
  const program = new Command('grove')
    .description('Grove: self-hosted Mercurial and Git hosting')
    .version(GROVE_VERSION)
    .addCommand(serve.serveCommand())
    .addCommand(setup.setupCommand())
    .addCommand(config.configCreateCommand())
    .addCommand(scan.repoScanCommand())
    .addCommand(purge.repoPurgeDeletedCommand())
    .addCommand(ssh.sshServeCommand())
    .addCommand(ssh.sshUpdateAuthorizedKeysCommand())
    .addCommand(apiCommand());
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (process.env['GROVE_DEBUG'] && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
