import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { VcsError } from '../errors';
import { validateRepoName } from '../names';
import { startProcess, type ProcessLogger, type VcsChildProcess } from '../process/run';
import type { ToolEnvironment } from '../process/tool-env';

/** Limits and supervision settings of the Mercurial HTTP workers. */
export interface HgHttpWorkerOptions {
  /** Number of `hg serve` processes (default 1; more on bigger machines). */
  workers?: number;
  /** Recycle a worker after it served this many requests (default 500). */
  maxRequests?: number;
  /** Recycle a worker whose resident memory grew beyond this (default 512 MiB). */
  maxRssBytes?: number;
  /** Health check period (default 30 s); a worker failing two checks in a row is replaced. */
  healthIntervalMs?: number;
  /** How long a worker may take to start listening (default 30 s). */
  startTimeoutMs?: number;
}

/** Header names the worker extension reads; the gateway must never forward a client's own values. */
export const HG_WORKER_HEADERS = {
  secret: 'Grove-Worker-Secret',
  repoPath: 'Grove-Repo-Path',
  remoteUser: 'Grove-Remote-User',
  allowPush: 'Grove-Allow-Push',
} as const;

/** A worker handed to the gateway for one request; call `release()` when the response has ended. */
export interface HgWorkerLease {
  readonly host: string;
  readonly port: number;
  /**
   * The request headers for the worker: the client's headers minus any `Grove-*` header, plus the
   * secret, the repository path, the user (REMOTE_USER) and whether pushes are allowed.
   */
  headers(clientHeaders: IncomingHttpHeaders, target: { repoName: string; remoteUser?: string | null; allowPush: boolean }): OutgoingHttpHeaders;
  release(): void;
}

class Worker {
  child: VcsChildProcess | undefined;
  port = 0;
  inFlight = 0;
  served = 0;
  draining = false;
  failedChecks = 0;
  dead = false;
  readonly secret = randomBytes(24).toString('hex');
  ready: Promise<void> | undefined;
}

/** Numbers for monitoring and tests. */
export interface HgWorkerStats {
  workers: Array<{ pid: number | undefined; port: number; inFlight: number; served: number; draining: boolean }>;
  started: number;
  recycled: number;
}

/**
 * A supervised pool of long-running loopback `hg serve` processes with Grove's extension: each
 * serves whatever repository the gateway names (so new repositories work at once), trusts only
 * requests carrying its per-start secret header, and takes REMOTE_USER from the gateway. Workers
 * are recycled after `maxRequests` or when memory grows, without failing in-flight requests: a
 * recycled worker takes no new requests and stops once its last response has ended.
 */
export class HgHttpWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly size: number;
  private readonly maxRequests: number;
  private readonly maxRssBytes: number;
  private readonly startTimeoutMs: number;
  private readonly healthTimer: NodeJS.Timeout;
  private closed = false;
  private started = 0;
  private recycled = 0;

  constructor(
    private readonly tools: ToolEnvironment,
    private readonly reposRoot: string,
    options: HgHttpWorkerOptions = {},
    private readonly logger?: ProcessLogger,
  ) {
    this.size = Math.max(1, options.workers ?? 1);
    this.maxRequests = Math.max(1, options.maxRequests ?? 500);
    this.maxRssBytes = options.maxRssBytes ?? 512 * 1024 * 1024;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.healthTimer = setInterval(() => void this.healthCheck(), options.healthIntervalMs ?? 30_000);
    this.healthTimer.unref();
  }

  /** A worker for one request (the least busy healthy one; workers start on first use). */
  async acquire(): Promise<HgWorkerLease> {
    if (this.closed) throw new VcsError('Aborted', 'The Mercurial HTTP worker pool is closed');
    this.fill();
    const candidates = this.workers.filter((w) => !w.draining && !w.dead);
    const worker = candidates.sort((a, b) => a.inFlight - b.inFlight)[0];
    if (!worker) throw new VcsError('VcsFailure', 'No Mercurial HTTP worker available');
    await worker.ready;
    if (worker.dead) throw new VcsError('VcsFailure', 'Mercurial HTTP worker died while starting');
    worker.inFlight++;
    worker.served++;
    if (worker.served >= this.maxRequests) this.retire(worker);
    let released = false;
    return {
      host: '127.0.0.1',
      port: worker.port,
      headers: (clientHeaders, target) => {
        validateRepoName(target.repoName);
        const out: OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(clientHeaders)) {
          if (v === undefined || k.toLowerCase().startsWith('grove-')) continue;
          out[k] = v;
        }
        out[HG_WORKER_HEADERS.secret] = worker.secret;
        out[HG_WORKER_HEADERS.repoPath] = target.repoName;
        out[HG_WORKER_HEADERS.remoteUser] = target.remoteUser ?? '';
        out[HG_WORKER_HEADERS.allowPush] = target.allowPush ? '1' : '0';
        return out;
      },
      release: () => {
        if (released) return;
        released = true;
        worker.inFlight--;
        void this.afterRequest(worker);
      },
    };
  }

  /** Current workers and counters. */
  stats(): HgWorkerStats {
    return {
      workers: this.workers.map((w) => ({ pid: w.child?.pid, port: w.port, inFlight: w.inFlight, served: w.served, draining: w.draining })),
      started: this.started,
      recycled: this.recycled,
    };
  }

  /** Stops every worker (in-flight requests are cut). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.healthTimer);
    const all = this.workers.splice(0);
    for (const w of all) this.stop(w);
    await Promise.all(all.map((w) => w.child?.exited));
  }

  private fill(): void {
    while (!this.closed && this.workers.filter((w) => !w.draining && !w.dead).length < this.size) {
      const w = new Worker();
      this.workers.push(w);
      w.ready = this.start(w);
      w.ready.catch(() => {
        w.dead = true;
        this.remove(w);
      });
    }
  }

  private async start(w: Worker): Promise<void> {
    this.started++;
    const args = [
      'serve',
      '--address',
      '127.0.0.1',
      '--port',
      '0',
      '--config',
      `grove.root=${this.reposRoot}`,
      '--config',
      `grove.worker-secret=${w.secret}`,
      '--config',
      'web.allow-push=*',
      '--config',
      'web.push_ssl=false',
      '--config',
      'web.allow-pull=true',
      '--config',
      `web.accesslog=/dev/null`,
    ];
    const child = startProcess(this.tools.hgBinary, args, { env: this.tools.hgEnv, cwd: this.tools.stateDir, label: 'hg http worker', logger: this.logger });
    w.child = child;
    child.stdin.end();
    child.stderr.resume();
    void child.exited.then(() => {
      w.dead = true;
      this.remove(w);
      if (!this.closed) this.fill();
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new VcsError('Timeout', 'Mercurial HTTP worker did not start in time'));
      }, this.startTimeoutMs);
      timer.unref();
      child.stdout.on('data', (chunk: Buffer) => {
        if (w.port) return;
        out += chunk.toString('utf8');
        const m = /listening at http:\/\/[^/]*:(\d+)\//.exec(out) ?? /bound to [^:]+:(\d+)/.exec(out);
        if (m) {
          w.port = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      });
      void child.exited.then(() => {
        clearTimeout(timer);
        reject(new VcsError('VcsFailure', 'Mercurial HTTP worker exited while starting'));
      });
    });
    // Keep draining stdout so a chatty worker never blocks on a full pipe.
    child.stdout.resume();
  }

  private async afterRequest(w: Worker): Promise<void> {
    if (!w.draining && !w.dead && w.child?.pid) {
      const rss = await readRss(w.child.pid);
      if (rss !== null && rss > this.maxRssBytes) this.retire(w);
    }
    if (w.draining && w.inFlight === 0) this.stop(w);
  }

  /** Takes a worker out of rotation; a replacement starts now, the old one stops when idle. */
  private retire(w: Worker): void {
    if (w.draining) return;
    w.draining = true;
    this.logger?.('info', 'recycling Mercurial HTTP worker', { pid: w.child?.pid, served: w.served });
    this.recycled++;
    this.fill();
    if (w.inFlight === 0) this.stop(w);
  }

  private stop(w: Worker): void {
    w.dead = true;
    this.remove(w);
    w.child?.kill('SIGTERM');
    const child = w.child;
    const t = setTimeout(() => child?.kill('SIGKILL'), 3000);
    t.unref();
    void child?.exited.then(() => clearTimeout(t));
  }

  private remove(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
  }

  private async healthCheck(): Promise<void> {
    for (const w of [...this.workers]) {
      if (w.dead || w.draining || !w.port) continue;
      const ok = await ping(w.port, w.secret);
      w.failedChecks = ok ? 0 : w.failedChecks + 1;
      if (w.failedChecks >= 2) {
        this.retire(w);
        this.stop(w);
      }
    }
  }
}

function ping(port: number, secret: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/__grove_health', method: 'GET', headers: { [HG_WORKER_HEADERS.secret]: secret }, timeout: 5000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

async function readRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
