import { DataSource } from 'typeorm';
import pino from 'pino';
import type { GroveConfig } from '../config/config';
import { withApplication } from '../maintenance/maintenance';
import { writeAuthorizedKeys, type AuthorizedKeysTarget } from '../users/authorized-keys-file';
import { UserSshKey } from '../users/user-ssh-key.entity';
import { User } from '../users/user.entity';
import { PushJournalService } from './push-journal.service';
import { SshCommandService, type SshIo } from './ssh-command.service';

export { AUTHORIZED_KEYS_HEADER } from '../users/authorized-keys-file';

/** The application without listeners, logging to stderr: stdout may be the VCS protocol stream (sshd's session). */
function withContext<T>(config: GroveConfig, work: Parameters<typeof withApplication<T>>[1]): Promise<T> {
  return withApplication(config, work, pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, base: { service: 'grove' } }, pino.destination(2)));
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
 * `grove ssh-update-authorized-keys`: rewrites `file` (see {@link writeAuthorizedKeys}; never a
 * file Grove did not write). Returns the number of keys written.
 */
export async function updateAuthorizedKeys(config: GroveConfig, input: AuthorizedKeysTarget): Promise<number> {
  return withContext(config, (app) => writeAuthorizedKeys(app.get(DataSource).manager, input));
}
