import type { ProcessLogger } from '../process/run';
import { CatFileBatch } from './cat-file';

/** Limits of {@link CatFilePool}. */
export interface CatFilePoolOptions {
  /** Most repositories with a running `cat-file` at once (default 32); the least recently used one is stopped. */
  maxProcesses?: number;
  /** A process unused for this long is stopped (default 60 s). */
  idleMs?: number;
}

/** One long-lived `git cat-file --batch-command` per repository, stopped when idle or evicted over the cap. */
export class CatFilePool {
  private readonly batches = new Map<string, CatFileBatch>();
  private readonly maxProcesses: number;
  private readonly idleMs: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly binary: string,
    private readonly env: Record<string, string>,
    options: CatFilePoolOptions = {},
    private readonly logger?: ProcessLogger,
  ) {
    this.maxProcesses = Math.max(1, options.maxProcesses ?? 32);
    this.idleMs = options.idleMs ?? 60_000;
    this.timer = setInterval(() => this.sweep(), Math.max(50, Math.min(this.idleMs / 2, 10_000)));
    this.timer.unref();
  }

  /** The batch process of the repository at `repoPath` (started lazily on its first request). */
  get(repoPath: string): CatFileBatch {
    let batch = this.batches.get(repoPath);
    if (batch && !batch.alive) {
      this.batches.delete(repoPath);
      batch = undefined;
    }
    if (batch) {
      // Map order doubles as LRU order.
      this.batches.delete(repoPath);
      this.batches.set(repoPath, batch);
      return batch;
    }
    if (this.batches.size >= this.maxProcesses) {
      for (const [path, b] of this.batches) {
        if (b.pending === 0) {
          b.close();
          this.batches.delete(path);
          break;
        }
      }
    }
    batch = new CatFileBatch(repoPath, this.binary, this.env, this.logger);
    this.batches.set(repoPath, batch);
    return batch;
  }

  /** Number of repositories with a batch process. */
  get size(): number {
    return this.batches.size;
  }

  /** Stops the process of one repository (it was moved or deleted). */
  forget(repoPath: string): void {
    this.batches.get(repoPath)?.close();
    this.batches.delete(repoPath);
  }

  /** Stops every process. */
  close(): void {
    clearInterval(this.timer);
    for (const b of this.batches.values()) b.close();
    this.batches.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [path, b] of this.batches) {
      if (!b.alive || (b.pending === 0 && now - b.lastUsed >= this.idleMs)) {
        b.close();
        this.batches.delete(path);
      }
    }
  }
}
