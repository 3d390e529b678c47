import * as path from 'node:path';
import { Command } from 'commander';
import { sshServe, updateAuthorizedKeys } from '@grove/api';
import { resolveConfig } from '../lib/cli-config';

/** The client address sshd reports (`SSH_CONNECTION` = "client-ip client-port server-ip server-port"). */
export function sshClientIp(env: NodeJS.ProcessEnv): string {
  const raw = env['SSH_CONNECTION'] ?? env['SSH_CLIENT'] ?? '';
  return raw.trim().split(/\s+/)[0] ?? '';
}

export function sshServeCommand(): Command {
  return new Command('ssh-serve')
    .description('Serve one git/hg SSH command for a user (run by sshd from authorized_keys; reads SSH_ORIGINAL_COMMAND)')
    .argument('<userId>', 'Grove user id the key belongs to')
    .argument('<keyId>', 'id of the SSH key')
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .action(async (userId: string, keyId: string, flags: { dataDir?: string }) => {
      if (!/^\d{1,9}$/.test(userId) || !/^\d{1,9}$/.test(keyId)) throw new Error('USER_ID and KEY_ID must be numbers');
      const config = await resolveConfig(flags);
      const code = await sshServe(
        config,
        { userId: Number(userId), keyId: Number(keyId), command: process.env['SSH_ORIGINAL_COMMAND'], ip: sshClientIp(process.env) },
        { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
      );
      process.stdin.destroy();
      process.exitCode = code;
    });
}

export function sshUpdateAuthorizedKeysCommand(): Command {
  return new Command('ssh-update-authorized-keys')
    .description('Rewrite the authorized_keys file for the system sshd: one restricted entry per registered SSH key (never overwrites a file Grove did not write)')
    .option('--data-dir <dir>', 'data directory (GROVE_DATA_DIR)')
    .option('--file <path>', 'authorized_keys file to maintain (default: GROVE_SSH_AUTHORIZED_KEYS_FILE, else ~/.ssh/authorized_keys)')
    .option('--grove-command <cmd>', 'how sshd starts this command line (default: GROVE_SSH_AUTHORIZED_KEYS_COMMAND, else this node and script)')
    .action(async (flags: { dataDir?: string; file?: string; groveCommand?: string }) => {
      const config = await resolveConfig(flags);
      const file = path.resolve(
        flags.file ?? config.ssh.authorizedKeysFile ?? process.env['GROVE_SSH_AUTHORIZED_KEYS'] ?? path.join(process.env['HOME'] ?? '.', '.ssh', 'authorized_keys'),
      );
      const dataDir = ` --data-dir ${config.dataDir}`;
      const command = flags.groveCommand ?? config.ssh.authorizedKeysCommand ?? `${process.execPath} ${path.resolve(process.argv[1] ?? 'grove')}`;
      const count = await updateAuthorizedKeys(config, { file, command: `${command}`, dataDirArgument: dataDir });
      console.log(`Wrote ${count} key${count === 1 ? '' : 's'} to ${file}`);
    });
}
