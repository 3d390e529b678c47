import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import { UserSshKey } from './user-ssh-key.entity';
import { User } from './user.entity';

/** First line of an `authorized_keys` file Grove maintains; files without it are never overwritten. */
export const AUTHORIZED_KEYS_HEADER = '# Maintained by Grove (grove ssh-update-authorized-keys): edits here are overwritten.';

/** Where and how to write `authorized_keys` for the system sshd. */
export interface AuthorizedKeysTarget {
  file: string;
  /** how sshd starts the grove command line (no quotes, no line breaks) */
  command: string;
  /** e.g. ` --data-dir /srv/grove` */
  dataDirArgument?: string;
}

/**
 * Rewrites `file` with one restricted entry per registered key of an active user, each running
 * `command ssh-serve USER_ID KEY_ID`. Refuses to overwrite a file it did not write (Kallithea
 * manual §2.8.3). Written to a temporary file and renamed, so sshd never reads half a file.
 * Used by `grove ssh-update-authorized-keys` and by the server when keys or users change.
 */
export async function writeAuthorizedKeys(manager: EntityManager, target: AuthorizedKeysTarget): Promise<number> {
  if (/["\n\r]/.test(target.command + (target.dataDirArgument ?? ''))) throw new Error('The grove command for authorized_keys must not contain quotes or line breaks');
  if (existsSync(target.file)) {
    const current = await readFile(target.file, 'utf8');
    const foreign = current.split('\n').some((line) => line.trim() !== '' && !line.startsWith('#') && !line.includes(' ssh-serve '));
    if (current.trim() !== '' && (!current.startsWith(AUTHORIZED_KEYS_HEADER) || foreign)) {
      throw new Error(`${target.file} holds entries Grove did not write; refusing to overwrite it (use a separate file, e.g. authorized_keys_grove)`);
    }
  }
  const rows = await manager
    .createQueryBuilder(UserSshKey, 'k')
    .innerJoin(User, 'u', 'u.id = k.userId')
    .where('u.active = :active', { active: true })
    .orderBy('k.id', 'ASC')
    .getMany();
  const lines = [AUTHORIZED_KEYS_HEADER];
  for (const key of rows) {
    const line = key.publicKey.trim();
    if (!/^[a-z0-9@.-]+ [A-Za-z0-9+/=]+( [^\n\r]*)?$/.test(line)) continue;
    lines.push(`command="${target.command} ssh-serve${target.dataDirArgument ?? ''} ${key.userId} ${key.id}",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty ${line}`);
  }
  await mkdir(path.dirname(target.file), { recursive: true, mode: 0o700 });
  const temp = `${target.file}.grove-${process.pid}`;
  await writeFile(temp, lines.join('\n') + '\n', { mode: 0o600 });
  await rename(temp, target.file);
  return rows.length;
}
