import { VcsError } from '../errors';
import { startProcess, type ProcessLogger, type VcsChildProcess } from '../process/run';

/** An object read through `git cat-file`. */
export interface GitObject {
  oid: string;
  type: 'commit' | 'tree' | 'blob' | 'tag';
  size: number;
  /** Content; absent for `info` requests. */
  data?: Buffer;
}

interface Request {
  name: string;
  withContent: boolean;
  resolve(obj: GitObject | null): void;
  reject(err: unknown): void;
}

const SAFE_NAME = /^[0-9A-Za-z_./^{}~@+-]+$/;

/**
 * A long-lived `git cat-file --batch-command` process for one repository: objects are read through
 * one pipe, requests are pipelined and answered in order, no process per object.
 * Names must be object ids or other single-line, option-free names (checked).
 */
export class CatFileBatch {
  private child: VcsChildProcess | undefined;
  private readonly queue: Request[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private dead = false;
  lastUsed = Date.now();

  constructor(
    readonly repoPath: string,
    private readonly binary: string,
    private readonly env: Record<string, string>,
    private readonly logger?: ProcessLogger,
  ) {}

  get alive(): boolean {
    return !this.dead;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Type and size of an object, or null when it does not exist. */
  info(name: string): Promise<GitObject | null> {
    return this.request(name, false);
  }

  /** Type, size and content of an object, or null when it does not exist. */
  contents(name: string): Promise<GitObject | null> {
    return this.request(name, true);
  }

  /** Stops the process. Pending requests fail. */
  close(): void {
    if (this.dead) return;
    this.dead = true;
    this.child?.stdin.end();
    this.child?.kill();
    this.failAll(new VcsError('Aborted', 'git cat-file was stopped'));
  }

  private ensureStarted(): VcsChildProcess {
    if (this.child) return this.child;
    const child = startProcess(this.binary, ['cat-file', '--batch-command'], {
      env: this.env,
      cwd: this.repoPath,
      label: `cat-file ${this.repoPath}`,
      logger: this.logger,
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.resume();
    void child.exited.then(() => {
      this.dead = true;
      this.failAll(new VcsError('VcsFailure', 'git cat-file exited unexpectedly'));
    });
    return child;
  }

  private request(name: string, withContent: boolean): Promise<GitObject | null> {
    if (this.dead) return Promise.reject(new VcsError('VcsFailure', 'git cat-file is not running'));
    if (!SAFE_NAME.test(name) || name.startsWith('-')) return Promise.reject(new VcsError('InvalidRevision', 'Invalid object name'));
    this.lastUsed = Date.now();
    const child = this.ensureStarted();
    return new Promise<GitObject | null>((resolve, reject) => {
      this.queue.push({ name, withContent, resolve, reject });
      child.stdin.write(`${withContent ? 'contents' : 'info'} ${name}\n`);
    });
  }

  private failAll(err: unknown): void {
    for (const r of this.queue.splice(0)) r.reject(err);
  }

  // Content of a big object arrives in many chunks: collect them and concatenate once.
  private partial: { req: Request; header: { oid: string; type: GitObject['type']; size: number }; parts: Buffer[]; have: number } | undefined;

  private onData(chunk: Buffer): void {
    if (this.partial) {
      const p = this.partial;
      p.parts.push(chunk);
      p.have += chunk.length;
      const need = p.header.size + 1;
      if (p.have < need) return;
      const all = Buffer.concat(p.parts);
      this.partial = undefined;
      this.queue.shift();
      p.req.resolve({ ...p.header, data: all.subarray(0, p.header.size) });
      this.buffer = all.subarray(need);
    } else {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    }
    while (this.queue.length > 0) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString('latin1');
      const req = this.queue[0];
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift();
        req.resolve(null);
        continue;
      }
      const [oid, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (!oid || !type || !Number.isFinite(size)) {
        this.queue.shift();
        req.reject(new VcsError('VcsFailure', `Unexpected git cat-file output: ${header.slice(0, 100)}`));
        this.close();
        return;
      }
      const parsed = { oid, type: type as GitObject['type'], size };
      if (!req.withContent) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift();
        req.resolve(parsed);
        continue;
      }
      const end = nl + 1 + size + 1; // content plus its trailing LF
      if (this.buffer.length < end) {
        const rest = this.buffer.subarray(nl + 1);
        this.partial = { req, header: parsed, parts: [rest], have: rest.length };
        this.buffer = Buffer.alloc(0);
        return;
      }
      const data = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(end);
      this.queue.shift();
      req.resolve({ ...parsed, data });
    }
  }
}
