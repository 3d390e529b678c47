import { VcsError } from '../errors';
import type { ProcessLogger } from '../process/run';
import { HgCommandServer, type HgCommandOptions, type HgCommandResult } from './cmdserver';

/** Limits of the command-server pool. */
export interface HgPoolOptions {
  /** Most command servers alive at once, over all repositories (default 6). */
  maxProcesses?: number;
  /** Most command servers for one repository (default 2): concurrent reads of one repo run in parallel up to this. */
  maxPerRepo?: number;
  /** A server idle for this long is stopped (default 60 s). */
  idleMs?: number;
  /** How long a caller may wait for a free server before `Timeout` (default 60 s). */
  acquireTimeoutMs?: number;
}

interface Waiter {
  repoPath: string;
  resolve(server: HgCommandServer): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
}

/** Numbers for monitoring and tests. */
export interface HgPoolStats {
  processes: number;
  busy: number;
  waiting: number;
  started: number;
  repositories: Record<string, number>;
}

/**
 * A small pool of Mercurial command servers, each bound to one repository. Servers are started
 * on demand, reused while warm, stopped after `idleMs`, and evicted (least recently used idle one
 * first) when the global cap is reached and another repository needs one.
 */
export class HgCommandServerPool {
  private readonly servers = new Map<string, HgCommandServer[]>();
  private readonly starting = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private readonly maxProcesses: number;
  private readonly maxPerRepo: number;
  private readonly idleMs: number;
  private readonly acquireTimeoutMs: number;
  private readonly sweepTimer: NodeJS.Timeout;
  private closed = false;
  private startedCount = 0;

  constructor(
    private readonly binary: string,
    private readonly env: Record<string, string>,
    options: HgPoolOptions = {},
    private readonly logger?: ProcessLogger,
  ) {
    this.maxProcesses = Math.max(1, options.maxProcesses ?? 6);
    this.maxPerRepo = Math.max(1, Math.min(options.maxPerRepo ?? 2, this.maxProcesses));
    this.idleMs = options.idleMs ?? 60_000;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 60_000;
    this.sweepTimer = setInterval(() => this.sweep(), Math.max(50, Math.min(this.idleMs / 2, 10_000)));
    this.sweepTimer.unref();
  }

  /** Runs `hg <args>` in the repository at `repoPath` through a pooled command server. */
  async run(repoPath: string, args: ReadonlyArray<string | Buffer>, options: HgCommandOptions = {}): Promise<HgCommandResult> {
    const server = await this.acquire(repoPath, options.signal);
    try {
      return await server.runCommand(args, options);
    } finally {
      this.release(server);
    }
  }

  /** Current numbers of processes, busy servers and waiting callers. */
  stats(): HgPoolStats {
    const repositories: Record<string, number> = {};
    let processes = 0;
    let busy = 0;
    for (const [repo, list] of this.servers) {
      repositories[repo] = list.length;
      processes += list.length;
      busy += list.filter((s) => s.busy).length;
    }
    return { processes, busy, waiting: this.waiters.length, started: this.startedCount, repositories };
  }

  /** Stops idle servers of a repository (after it was renamed or deleted, for instance). */
  forget(repoPath: string): void {
    const list = this.servers.get(repoPath) ?? [];
    for (const s of list.filter((x) => !x.busy)) this.remove(s, true);
  }

  /** Stops every server and fails waiting callers. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new VcsError('Aborted', 'The Mercurial command-server pool was closed'));
    }
    const all = [...this.servers.values()].flat();
    this.servers.clear();
    for (const s of all) s.close();
    await Promise.all(all.map((s) => s.exited()));
  }

  private total(): number {
    let n = 0;
    for (const list of this.servers.values()) n += list.length;
    for (const c of this.starting.values()) n += c;
    return n;
  }

  private countFor(repoPath: string): number {
    return (this.servers.get(repoPath)?.length ?? 0) + (this.starting.get(repoPath) ?? 0);
  }

  private acquire(repoPath: string, signal?: AbortSignal): Promise<HgCommandServer> {
    if (this.closed) return Promise.reject(new VcsError('Aborted', 'The Mercurial command-server pool was closed'));
    return new Promise<HgCommandServer>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new VcsError('Timeout', 'No Mercurial command server became free in time'));
      }, this.acquireTimeoutMs);
      timer.unref();
      const waiter: Waiter = { repoPath, resolve, reject, timer };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) {
            this.waiters.splice(i, 1);
            clearTimeout(timer);
            reject(new VcsError('Aborted', 'The operation was aborted'));
          }
        },
        { once: true },
      );
      this.waiters.push(waiter);
      this.dispatch();
    });
  }

  private release(server: HgCommandServer): void {
    server.busy = false;
    server.lastUsed = Date.now();
    if (!server.alive) this.remove(server, false);
    this.dispatch();
  }

  /** Hands free or new servers to waiting callers, oldest caller first. */
  private dispatch(): void {
    for (let i = 0; i < this.waiters.length; ) {
      const w = this.waiters[i];
      const idle = (this.servers.get(w.repoPath) ?? []).find((s) => !s.busy && s.alive);
      if (idle) {
        this.waiters.splice(i, 1);
        clearTimeout(w.timer);
        idle.busy = true;
        w.resolve(idle);
        continue;
      }
      if (this.countFor(w.repoPath) < this.maxPerRepo) {
        if (this.total() >= this.maxProcesses) this.evictIdle();
        if (this.total() < this.maxProcesses) {
          this.waiters.splice(i, 1);
          clearTimeout(w.timer);
          this.spawnFor(w);
          continue;
        }
      }
      i++;
    }
  }

  private spawnFor(w: Waiter): void {
    this.starting.set(w.repoPath, (this.starting.get(w.repoPath) ?? 0) + 1);
    const server = new HgCommandServer(w.repoPath, this.binary, this.env, 30_000, this.logger);
    this.startedCount++;
    server.busy = true;
    server
      .start()
      .then(() => {
        this.doneStarting(w.repoPath);
        if (this.closed) {
          server.close();
          w.reject(new VcsError('Aborted', 'The Mercurial command-server pool was closed'));
          return;
        }
        const list = this.servers.get(w.repoPath) ?? [];
        list.push(server);
        this.servers.set(w.repoPath, list);
        w.resolve(server);
      })
      .catch((err: unknown) => {
        this.doneStarting(w.repoPath);
        w.reject(err);
        this.dispatch();
      });
  }

  private doneStarting(repoPath: string): void {
    const n = (this.starting.get(repoPath) ?? 1) - 1;
    if (n <= 0) this.starting.delete(repoPath);
    else this.starting.set(repoPath, n);
  }

  private evictIdle(): void {
    let victim: HgCommandServer | undefined;
    for (const list of this.servers.values()) {
      for (const s of list) if (!s.busy && (!victim || s.lastUsed < victim.lastUsed)) victim = s;
    }
    if (victim) this.remove(victim, true);
  }

  private remove(server: HgCommandServer, close: boolean): void {
    const list = this.servers.get(server.repoPath);
    if (list) {
      const i = list.indexOf(server);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.servers.delete(server.repoPath);
    }
    if (close) server.close();
  }

  private sweep(): void {
    const now = Date.now();
    for (const list of [...this.servers.values()]) {
      for (const s of [...list]) {
        if (!s.alive && !s.busy) this.remove(s, false);
        else if (!s.busy && now - s.lastUsed >= this.idleMs) this.remove(s, true);
      }
    }
    if (this.waiters.length > 0) this.dispatch();
  }
}
