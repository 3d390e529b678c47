import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VcsService, type VcsChildProcess } from '@grove/vcs';
import { DataSource } from 'typeorm';
import { UserSshKey } from '../users/user-ssh-key.entity';
import { User } from '../users/user.entity';
import { offersChangesets, parseHgSshCommands, HgSshReplySkipper } from './hg-ssh-wire';
import { PushJournalService } from './push-journal.service';
import { EMPTY_HG_REPO, VcsAccessService } from './vcs-access.service';

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

/** What an hg push asks before its `unbundle`, answered from the empty repository. */
const HG_PUSH_DISCOVERY = new Set(['hello', 'between', 'protocaps', 'capabilities', 'batch', 'known', 'heads', 'branchmap', 'listkeys']);

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
    if (access.ok === 'empty-hg') return this.hgPushToCreate(parsed.repoRef, who, io);
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

  /**
   * hg push-to-create. hg's SSH session says nothing of push or pull when it starts, so it begins
   * on the hidden empty repository, the client's commands read (hg-ssh-wire) and passed on one by
   * one while they are what a push asks first (a `batch`/`known` must offer changesets, so a clone
   * stops at once). Only an `unbundle` proves a push (a pull into a non-empty repository asks the
   * same): then the repository is created as HTTP does, and a server on it gets the whole input
   * again, its replies to what the client was already answered dropped. Anything else, or the end
   * of the input first, is "not found" and creates nothing.
   */
  private async hgPushToCreate(repoRef: string, who: { user: User; ip: string }, io: SshIo): Promise<number> {
    const probe = await this.vcs.hgSsh(EMPTY_HG_REPO, { readOnly: true, signal: io.signal });
    (probe.stdin as NodeJS.WritableStream & { on(e: 'error', f: () => void): void }).on('error', () => undefined);
    probe.stdout.pipe(io.stdout, { end: false });
    probe.stderr.resume();
    const decision = await new Promise<{ input: Buffer; answered: number } | null>((resolve) => {
      let input = Buffer.alloc(0);
      let next = 0;
      let answered = 0;
      const finish = (push: boolean) => {
        io.stdin.removeListener('data', onData);
        io.stdin.removeListener('end', onEnd);
        io.signal?.removeEventListener('abort', onEnd);
        io.stdin.pause();
        resolve(push ? { input, answered } : null);
      };
      const onData = (chunk: Buffer | string) => {
        input = Buffer.concat([input, typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk]);
        const parsed = parseHgSshCommands(input, next);
        for (const command of parsed.commands) {
          if (command.name === 'unbundle') return finish(true);
          const offers = command.name !== 'batch' && command.name !== 'known' ? true : offersChangesets(command);
          if (!HG_PUSH_DISCOVERY.has(command.name) || !offers) return finish(false);
          probe.stdin.write(input.subarray(command.start, command.end));
          answered++;
        }
        if ('error' in parsed) return finish(false);
        next = parsed.next;
      };
      const onEnd = () => finish(false);
      io.stdin.on('data', onData);
      io.stdin.once('end', onEnd);
      io.signal?.addEventListener('abort', onEnd);
    });
    // Every reply of the empty repository reaches the client before the real server's output.
    probe.stdin.end();
    await probe.exited;
    await Promise.all([ended(probe.stdout), ended(probe.stderr)]);
    probe.stdout.unpipe(io.stdout);
    if (!decision) return fail(io, `abort: repository ${repoRef.replace(/^\/+|\/+$/g, '')} not found`, 255);
    let access = await this.access.authorizeSsh({ vcs: 'hg', repoRef, action: 'push', user: who.user, ip: who.ip });
    // Someone else created it meanwhile: push to it only with the usual write permission.
    if (access.ok === true && !access.created) access = await this.access.authorizeSsh({ vcs: 'hg', repoRef, action: 'push', user: who.user, ip: who.ip });
    if (access.ok !== true) return fail(io, access.ok === false ? access.message : `abort: repository ${repoRef} not found`, 255);
    const repo = access.repo;
    const ctx = { repo, user: who.user, ip: who.ip, channel: 'ssh' as const, created: access.created, pullIfUnchanged: true };
    return this.journal.push(ctx, async () =>
      pipe(await this.vcs.hgSsh(repo.name, { readOnly: false, signal: io.signal }), io, { replay: decision.input, skipReplies: decision.answered }),
    );
  }
}

function fail(io: SshIo, message: string, code = 1): number {
  io.stderr.write(`${message}\n`);
  return code;
}

/**
 * Wires a serving process to the session; resolves with its exit status once its output is through.
 * `replay`: input already read from the session, given first; `skipReplies`: replies not forwarded.
 */
async function pipe(child: VcsChildProcess, io: SshIo, options: { replay?: Buffer; skipReplies?: number } = {}): Promise<number> {
  (child.stdin as NodeJS.WritableStream & { on(e: 'error', f: () => void): void }).on('error', () => undefined);
  if (options.replay) child.stdin.write(options.replay);
  io.stdin.pipe(child.stdin);
  if (options.skipReplies) {
    const skipper = new HgSshReplySkipper(options.skipReplies);
    child.stdout.on('data', (chunk: Buffer) => {
      const out = skipper.feed(chunk);
      if (out.length > 0 && !io.stdout.write(out)) {
        child.stdout.pause();
        io.stdout.once('drain', () => child.stdout.resume());
      }
    });
  } else child.stdout.pipe(io.stdout, { end: false });
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
