import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import pino from 'pino';
import type { GroveConfig } from '../config/config';
import { UserSshKey } from '../users/user-ssh-key.entity';
import { User } from '../users/user.entity';
import { PushJournalService } from './push-journal.service';
import { SshCommandService, type SshIo } from './ssh-command.service';

/** First line of an `authorized_keys` file Grove maintains; files without it are never overwritten. */
export const AUTHORIZED_KEYS_HEADER = '# Maintained by Grove (grove ssh-update-authorized-keys): edits here are overwritten.';

/** The application without HTTP or SSH listeners (the command line runs inside sshd's session). */
async function withContext<T>(config: GroveConfig, work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  // stdout may be the VCS protocol stream: logs go to stderr.
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, base: { service: 'grove' } }, pino.destination(2));
  const quiet: GroveConfig = { ...config, ssh: { ...config.ssh, enabled: false } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(quiet, logger), { logger: false, abortOnError: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/**
 * `grove ssh-serve USER_ID KEY_ID` behind the system sshd: runs `SSH_ORIGINAL_COMMAND` for the user
 * the key belongs to, with the same checks as the built-in server. Returns the exit status.
 */
export async function sshServe(config: GroveConfig, input: { userId: number; keyId: number; command: string | undefined; ip: string }, io: SshIo): Promise<number> {
  if (!config.ssh.enabled) {
    io.stderr.write('SSH access to Grove is disabled (GROVE_SSH_ENABLED=false)\n');
    return 1;
  }
  if (!input.command) {
    io.stderr.write('Grove does not provide shell access (no SSH_ORIGINAL_COMMAND).\n');
    return 1;
  }
  return withContext(config, async (app) => {
    const m = app.get(DataSource).manager;
    const key = await m.findOne(UserSshKey, { where: { id: input.keyId, userId: input.userId } });
    const user = key ? await m.findOne(User, { where: { id: input.userId } }) : null;
    if (!key || !user || !user.active || user.isDefaultUser) {
      io.stderr.write('This SSH key is not (or no longer) registered to an active Grove user.\n');
      return 1;
    }
    await m.update(UserSshKey, { id: key.id }, { lastSeen: new Date() });
    const code = await app.get(SshCommandService).run(input.command!, { user, ip: input.ip, gitProtocol: process.env['GIT_PROTOCOL'] }, io);
    // The client has its answer; finish the journal before this process exits.
    await app.get(PushJournalService).settled();
    return code;
  });
}

/**
 * `grove ssh-update-authorized-keys`: rewrites `file` with one restricted entry per registered key
 * of an active user, each running `command ssh-serve USER_ID KEY_ID`. Refuses to overwrite a file
 * it did not write (Kallithea manual §2.8.3). Returns the number of keys written.
 */
export async function updateAuthorizedKeys(config: GroveConfig, input: { file: string; command: string; dataDirArgument?: string }): Promise<number> {
  if (/["\n\r]/.test(input.command + (input.dataDirArgument ?? ''))) throw new Error('The grove command for authorized_keys must not contain quotes or line breaks');
  if (existsSync(input.file)) {
    const current = await readFile(input.file, 'utf8');
    const foreign = current.split('\n').some((line) => line.trim() !== '' && !line.startsWith('#') && !line.includes(' ssh-serve '));
    if (current.trim() !== '' && (!current.startsWith(AUTHORIZED_KEYS_HEADER) || foreign)) {
      throw new Error(`${input.file} holds entries Grove did not write; refusing to overwrite it (use a separate file, e.g. authorized_keys_grove)`);
    }
  }
  const rows = await withContext(config, async (app) =>
    app
      .get(DataSource)
      .manager.createQueryBuilder(UserSshKey, 'k')
      .innerJoin(User, 'u', 'u.id = k.userId')
      .where('u.active = :active', { active: true })
      .orderBy('k.id', 'ASC')
      .getMany(),
  );
  const lines = [AUTHORIZED_KEYS_HEADER];
  for (const key of rows) {
    const line = key.publicKey.trim();
    if (!/^[a-z0-9@.-]+ [A-Za-z0-9+/=]+( [^\n\r]*)?$/.test(line)) continue;
    lines.push(`command="${input.command} ssh-serve${input.dataDirArgument ?? ''} ${key.userId} ${key.id}",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty ${line}`);
  }
  await mkdir(path.dirname(input.file), { recursive: true, mode: 0o700 });
  const temp = `${input.file}.grove-${process.pid}`;
  await writeFile(temp, lines.join('\n') + '\n', { mode: 0o600 });
  await rename(temp, input.file);
  return rows.length;
}
