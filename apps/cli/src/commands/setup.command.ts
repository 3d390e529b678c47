import { Command } from 'commander';
import { SetupRefused, setupInstallation } from '@grove/api';
import { createUserRequestSchema } from '@grove/shared';
import { describeDatabase, resolveConfig } from '../lib/cli-config';
import { ask } from '../lib/prompt';
import { step } from '../lib/progress';

interface SetupFlags {
  dataDir?: string;
  user?: string;
  password?: string;
  email?: string;
  repos?: string;
  apiKey?: string;
  reuse?: boolean;
  force?: boolean;
  anonymous: boolean;
}

export function setupCommand(): Command {
  return new Command('setup')
    .description("Create the database, the admin account and the repositories root (Kallithea's db-create)")
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .option('--user <name>', 'admin username')
    .option('--password <password>', 'admin password')
    .option('--email <email>', 'admin e-mail address')
    .option('--repos <dir>', 'repositories root (default: <data dir>/repos)')
    .option('--api-key <key>', "set the admin's API key (40 letters/digits) instead of generating one")
    .option('--reuse', 'install into an existing, empty database')
    .option('--force', 'erase an existing installation and start over')
    .option('--no-anonymous', 'start with anonymous access off')
    .action(async (flags: SetupFlags) => {
      const config = await resolveConfig(flags);
      const admin = await adminAccount(flags);
      console.log(`Setting up Grove in ${describeDatabase(config)}`);
      try {
        const result = await step('Installing', () =>
          setupInstallation(config, {
            admin,
            reposRoot: flags.repos,
            reuse: flags.reuse,
            force: flags.force,
            anonymousAccess: flags.anonymous,
            onProgress: (message) => process.stdout.write(`\n  ${message}`),
          }),
        );
        console.log(`
Grove is set up.
  Repositories root: ${result.reposRoot}
  Admin account:     ${admin.username} <${admin.email}>
  Admin API key:     ${result.adminApiKey}
Start the server with: pnpm grove serve`);
      } catch (error) {
        if (error instanceof SetupRefused) {
          console.error(error.message);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
}

async function adminAccount(flags: SetupFlags) {
  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const missing = (['user', 'password', 'email'] as const).filter((k) => !flags[k]);
  if (missing.length && !interactive) {
    throw new Error(`Missing ${missing.map((m) => `--${m}`).join(', ')} (required when not running interactively)`);
  }
  const username = flags.user ?? (await ask('Admin username', { defaultValue: 'admin' }));
  const password = flags.password ?? (await ask('Admin password', { hidden: true }));
  const email = flags.email ?? (await ask('Admin e-mail'));
  const parsed = createUserRequestSchema.safeParse({ username, password, email });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid admin ${String(issue?.path[0] ?? 'account')}: ${issue?.message}`);
  }
  if (flags.apiKey !== undefined && !/^[a-zA-Z0-9]{40}$/.test(flags.apiKey)) {
    throw new Error('--api-key must be exactly 40 letters and digits');
  }
  return { username: parsed.data.username, password, email: parsed.data.email, apiKey: flags.apiKey };
}
