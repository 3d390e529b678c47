import type { CatFilePool } from './git/cat-file-pool';
import type { HgCommandServerPool } from './hg/cmdserver-pool';
import type { ProcessLogger } from './process/run';
import type { ToolEnvironment } from './process/tool-env';

/** Log sink; messages never contain credentials. */
export type VcsLogger = ProcessLogger;

/** What the git and hg backends share, owned by {@link VcsService}. */
export interface BackendContext {
  readonly tools: ToolEnvironment;
  /** Default deadline of reads (ms). */
  readonly timeoutMs: number;
  /** Deadline of long operations: clone, pull, archive, fork (ms). */
  readonly longTimeoutMs: number;
  readonly hgPool: HgCommandServerPool;
  readonly catFiles: CatFilePool;
  readonly log: VcsLogger;
  readonly tuning: Required<VcsTuning>;
}

/** Knobs for the speed/work trade-offs; the defaults suit repositories of any size. */
export interface VcsTuning {
  /** git last-changeset scans: histories up to this many commits are scanned in one pass (default 2000). */
  lastChangesetsFullScanBelow?: number;
  /** git last-changeset scans: commits read with full file lists before narrowing to unknown entries (default 256). */
  lastChangesetsFirstScan?: number;
}
