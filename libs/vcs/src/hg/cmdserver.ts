import { VcsError } from '../errors';
import { startProcess, type ProcessLogger, type VcsChildProcess } from '../process/run';
import { redactCredentials } from '../process/redact';

/** Result of one command run through the command server. */
export interface HgCommandResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/** Options of {@link HgCommandServer.runCommand}. */
export interface HgCommandOptions {
  /** Data served to the command when it reads stdin (e.g. `grove-commit`). */
  input?: Buffer;
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface Pending {
  resolve(result: HgCommandResult): void;
  reject(err: unknown): void;
  out: Buffer[];
  err: Buffer[];
  input: Buffer;
  inputPos: number;
}

/** Reads framed messages out of a stream of chunks without re-concatenating everything. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  get size(): number {
    return this.length;
  }

  peek(n: number): Buffer | null {
    if (this.length < n) return null;
    if (this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  take(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const head = this.chunks[0];
      if (head.length <= need) {
        parts.push(head);
        this.chunks.shift();
        need -= head.length;
      } else {
        parts.push(head.subarray(0, need));
        this.chunks[0] = head.subarray(need);
        need = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}

/**
 * A client for Mercurial's command server (`hg serve --cmdserver pipe`) bound to one repository:
 * one Python process answers many commands, saving the 150–250 ms start-up of each `hg` call.
 * Commands run one at a time; the pool ({@link HgCommandServerPool}) hands servers out.
 */
export class HgCommandServer {
  private child: VcsChildProcess | undefined;
  private readonly queue = new ByteQueue();
  private pending: Pending | undefined;
  private hello: ((text: string) => void) | undefined;
  private dead = false;
  private stderrTail = '';
  /** Time of the last command's end, for idle shutdown. */
  lastUsed = Date.now();
  busy = false;

  constructor(
    readonly repoPath: string,
    private readonly binary: string,
    private readonly env: Record<string, string>,
    private readonly startTimeoutMs = 30_000,
    private readonly logger?: ProcessLogger,
  ) {}

  get alive(): boolean {
    return !this.dead;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and waits for its hello message. */
  async start(): Promise<void> {
    const child = startProcess(this.binary, ['serve', '--cmdserver', 'pipe', '-R', this.repoPath], {
      env: this.env,
      cwd: this.repoPath,
      label: `cmdserver ${this.repoPath}`,
      logger: this.logger,
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    void child.exited.then(() => this.onExit());
    const helloText = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(new VcsError('Timeout', 'Mercurial command server did not start in time'));
      }, this.startTimeoutMs);
      timer.unref();
      this.hello = (text) => {
        clearTimeout(timer);
        resolve(text);
      };
      void child.exited.then(() => {
        clearTimeout(timer);
        reject(new VcsError('VcsFailure', `Mercurial command server exited: ${redactCredentials(this.stderrTail.trim()) || 'no output'}`));
      });
    });
    if (!/^capabilities:.*\bruncommand\b/m.test(helloText)) {
      this.kill();
      throw new VcsError('VcsFailure', 'Mercurial command server does not support runcommand');
    }
  }

  /** Runs one hg command (argv without the leading `hg`); resolves with its exit code and output. */
  runCommand(args: ReadonlyArray<string | Buffer>, options: HgCommandOptions = {}): Promise<HgCommandResult> {
    if (this.dead || !this.child) return Promise.reject(new VcsError('VcsFailure', 'Mercurial command server is not running'));
    if (this.pending) return Promise.reject(new Error('HgCommandServer is busy'));
    if (options.signal?.aborted) return Promise.reject(new VcsError('Aborted', 'The operation was aborted'));
    const parts = args.map((a) => (typeof a === 'string' ? Buffer.from(a, 'utf8') : a));
    for (const p of parts) if (p.includes(0)) return Promise.reject(new VcsError('InvalidArgument', 'Argument contains a NUL byte'));
    const payload = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from([0]), p])));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(payload.length);

    return new Promise<HgCommandResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      // A running command cannot be interrupted cleanly: stop the whole server, the pool starts another.
      const onAbort = (): void => {
        this.failPending(new VcsError('Aborted', 'The operation was aborted'));
        this.kill();
      };
      if (options.timeoutMs) {
        timer = setTimeout(() => {
          this.failPending(new VcsError('Timeout', `hg ${String(args[0])} took longer than ${options.timeoutMs} ms`));
          this.kill();
        }, options.timeoutMs);
        timer.unref();
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        resolve: (r) => {
          cleanup();
          resolve(r);
        },
        reject: (e) => {
          cleanup();
          reject(e);
        },
        out: [],
        err: [],
        input: options.input ?? Buffer.alloc(0),
        inputPos: 0,
      };
      this.child!.stdin.write(Buffer.concat([Buffer.from('runcommand\n'), header, payload]));
    });
  }

  /** Stops the process (closing stdin lets it exit cleanly; the group is killed if it lingers). */
  close(): void {
    if (this.dead || !this.child) return;
    this.dead = true;
    const child = this.child;
    child.stdin.end();
    const t = setTimeout(() => child.kill('SIGKILL'), 2000);
    t.unref();
    void child.exited.then(() => clearTimeout(t));
  }

  /** Waits for the process to exit (after {@link close}). */
  async exited(): Promise<void> {
    await this.child?.exited;
  }

  private kill(): void {
    this.dead = true;
    this.child?.kill('SIGKILL');
  }

  private failPending(err: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(err);
  }

  private onExit(): void {
    this.dead = true;
    const detail = redactCredentials(this.stderrTail.trim());
    this.failPending(new VcsError('VcsFailure', `Mercurial command server exited unexpectedly${detail ? `: ${detail}` : ''}`));
  }

  private onData(chunk: Buffer): void {
    this.queue.push(chunk);
    for (;;) {
      const head = this.queue.peek(5);
      if (!head) return;
      const channel = String.fromCharCode(head[0]);
      const length = head.readUInt32BE(1);
      if (channel === 'I' || channel === 'L') {
        this.queue.take(5);
        this.answerInput(channel, length);
        continue;
      }
      if (this.queue.size < 5 + length) return;
      this.queue.take(5);
      const data = this.queue.take(length);
      this.onFrame(channel, data);
    }
  }

  private onFrame(channel: string, data: Buffer): void {
    if (this.hello) {
      if (channel === 'o') {
        const h = this.hello;
        this.hello = undefined;
        h(data.toString('utf8'));
      }
      return;
    }
    const p = this.pending;
    if (!p) return;
    switch (channel) {
      case 'o':
        p.out.push(data);
        break;
      case 'e':
        p.err.push(data);
        break;
      case 'r': {
        this.pending = undefined;
        p.resolve({ exitCode: data.readInt32BE(0), stdout: Buffer.concat(p.out), stderr: Buffer.concat(p.err).toString('utf8') });
        break;
      }
      default:
        // Upper-case channels are mandatory; one we do not know means we cannot continue safely.
        if (channel >= 'A' && channel <= 'Z') {
          this.failPending(new VcsError('VcsFailure', `Unsupported command server channel ${channel}`));
          this.kill();
        }
    }
  }

  private answerInput(channel: 'I' | 'L', max: number): void {
    const p = this.pending;
    let data: Buffer = Buffer.alloc(0);
    if (p && p.inputPos < p.input.length) {
      let end = Math.min(p.input.length, p.inputPos + max);
      if (channel === 'L') {
        const nl = p.input.indexOf(0x0a, p.inputPos);
        if (nl >= 0 && nl < end) end = nl + 1;
      }
      data = p.input.subarray(p.inputPos, end);
      p.inputPos = end;
    }
    const header = Buffer.alloc(4);
    header.writeUInt32BE(data.length);
    this.child?.stdin.write(Buffer.concat([header, data]));
  }
}
