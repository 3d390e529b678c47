import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VcsService, type VcsChildProcess } from '@grove/vcs';
import { DataSource } from 'typeorm';
import { UserSshKey } from '../users/user-ssh-key.entity';
import { User } from '../users/user.entity';
import { PushJournalService } from './push-journal.service';
import { VcsAccessService } from './vcs-access.service';

/** An SSH exec request Grove serves, parsed with strict patterns (never a shell). */
export type SshCommand = { vcs: 'git'; service: 'git-upload-pack' | 'git-receive-pack'; repoRef: string } | { vcs: 'hg'; repoRef: string };

/** The streams of one session (an ssh2 channel, or the process's own stdio for `grove ssh-serve`). */
export interface SshIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** aborts the child when the session goes away */
  signal?: AbortSignal;
}

const NAME = String.raw`'?\/?([^'\s\\;&|$\`<>]+?)\/?'?`;
const GIT_COMMAND = new RegExp(String.raw`^git[ -](upload-pack|receive-pack) ${NAME}$`);
const HG_COMMAND = new RegExp(String.raw`^hg -R ${NAME} serve --stdio$`);

/** Parses `git-upload-pack 'repo'`, `git-receive-pack '/repo'`, `hg -R repo serve --stdio`; null otherwise. */
export function parseSshCommand(command: string): SshCommand | null {
  const git = GIT_COMMAND.exec(command.trim());
  if (git) return { vcs: 'git', service: git[1] === 'upload-pack' ? 'git-upload-pack' : 'git-receive-pack', repoRef: git[2]! };
  const hg = HG_COMMAND.exec(command.trim());
  if (hg) return { vcs: 'hg', repoRef: hg[1]! };
  return null;
}

/**
 * Runs one SSH command for a user identified by a key: the same permission checks, journal and
 * push-to-create as HTTP (permissions.md §13: read → pull only, write → push, none → denied).
 * hg sessions can read and write, so read-only users get hooks that refuse every transaction.
 * Returns the exit status for the client.
 */
@Injectable()
export class SshCommandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly access: VcsAccessService,
    private readonly journal: PushJournalService,
  ) {}

  /** The active owner of a registered key, by its fingerprint (base64 SHA-256 of the blob, unpadded). */
  async keyOwner(fingerprint: string): Promise<{ key: UserSshKey; user: User } | null> {
    const key = await this.dataSource.manager.findOne(UserSshKey, { where: { fingerprint } });
    if (!key) return null;
    const user = await this.dataSource.manager.findOne(User, { where: { id: key.userId } });
    if (!user || !user.active || user.isDefaultUser) return null;
    await this.dataSource.manager.update(UserSshKey, { id: key.id }, { lastSeen: new Date() });
    return { key, user };
  }

  async run(command: string, who: { user: User; ip: string; gitProtocol?: string }, io: SshIo): Promise<number> {
    const parsed = parseSshCommand(command);
    if (!parsed) return fail(io, 'Grove serves only git-upload-pack, git-receive-pack and hg -R REPO serve --stdio');
    const action = parsed.vcs === 'git' ? (parsed.service === 'git-receive-pack' ? 'push' : 'pull') : 'any';
    const access = await this.access.authorizeSsh({ vcs: parsed.vcs, repoRef: parsed.repoRef, action, user: who.user, ip: who.ip });
    if (!access.ok) return fail(io, access.status === 404 && !access.message.startsWith('Access') ? `Access to '${parsed.repoRef}' denied` : access.message);
    const ctx = { repo: access.repo, user: who.user, ip: who.ip, channel: 'ssh' as const, created: access.created };
    if (parsed.vcs === 'git') {
      const start = () => this.vcs.gitSsh(access.repo.name, parsed.service, { gitProtocol: who.gitProtocol, signal: io.signal });
      if (parsed.service === 'git-receive-pack') return this.journal.push(ctx, async () => pipe(await start(), io));
      const code = await pipe(await start(), io);
      if (code === 0) await this.journal.pull(access.repo, who.user, who.ip);
      return code;
    }
    const mayPush = access.mayPush === true;
    const start = () => this.vcs.hgSsh(access.repo.name, { readOnly: !mayPush, signal: io.signal });
    if (!mayPush) {
      const code = await pipe(await start(), io);
      await this.journal.pull(access.repo, who.user, who.ip);
      return code;
    }
    return this.journal.push({ ...ctx, pullIfUnchanged: true }, async () => pipe(await start(), io));
  }
}

function fail(io: SshIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return 1;
}

/** Wires a serving process to the session; resolves with its exit status once its output is through. */
async function pipe(child: VcsChildProcess, io: SshIo): Promise<number> {
  (child.stdin as NodeJS.WritableStream & { on(e: 'error', f: () => void): void }).on('error', () => undefined);
  io.stdin.pipe(child.stdin);
  child.stdout.pipe(io.stdout, { end: false });
  child.stderr.pipe(io.stderr, { end: false });
  const { code } = await child.exited;
  await Promise.all([ended(child.stdout), ended(child.stderr)]);
  io.stdin.unpipe(child.stdin);
  return code ?? 1;
}

function ended(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    if ((stream as NodeJS.ReadableStream & { readableEnded?: boolean }).readableEnded) resolve();
    else {
      stream.once('end', () => resolve());
      stream.once('close', () => resolve());
    }
  });
}
