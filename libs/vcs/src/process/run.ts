import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { VcsError } from '../errors';
import { redactCredentials } from './redact';

/** Log sink for process events; messages and metadata never contain credentials. */
export type ProcessLogger = (level: 'debug' | 'info' | 'warn' | 'error', message: string, meta?: Record<string, unknown>) => void;

/** Options of {@link runProcess} and {@link startProcess}. */
export interface ProcessOptions {
  /** Told about every process that ends: command (redacted), exit code, duration. */
  logger?: ProcessLogger;
  /** Fixed environment (see `tool-env.ts`); the caller's `process.env` is never inherited. */
  env: Record<string, string>;
  cwd?: string;
  /** Kill the process (and its group) after this many milliseconds and fail with `Timeout`. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Short label for the process registry, e.g. the repository name. */
  label?: string;
}

/** Options of {@link runProcess}. */
export interface RunOptions extends ProcessOptions {
  input?: Buffer | string | Readable;
  /** Stop reading stdout after this many bytes, kill the process and report `truncated`. */
  maxOutputBytes?: number;
  /** Exit codes that count as success (default `[0]`). */
  okExitCodes?: readonly number[];
  /** Turns a failed run into a typed error; return undefined to get the generic `VcsFailure`. */
  classifyError?: (stderr: string, exitCode: number | null) => VcsError | undefined;
}

/** What a finished process produced. */
export interface RunResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number | null;
  truncated: boolean;
}

/** A running child with its streams; returned by {@link startProcess}. */
export interface VcsChildProcess {
  readonly pid: number | undefined;
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the whole process group (git and hg start helpers of their own). */
  kill(signal?: NodeJS.Signals): void;
  /** Why the process was stopped by us, if it was: a timeout or an abort. */
  readonly stopReason: 'timeout' | 'aborted' | undefined;
}

/** One entry of the running-process registry (for an admin page). */
export interface RunningProcessInfo {
  pid: number | undefined;
  command: string;
  label?: string;
  startedAt: Date;
}

const registry = new Map<ChildProcess, RunningProcessInfo>();

/** The processes libs/vcs is running right now, with credentials stripped from their command lines. */
export function listRunningProcesses(): RunningProcessInfo[] {
  return [...registry.values()].map((p) => ({ ...p }));
}

/** Formats a command line for logs and errors: credentials stripped, long arguments shortened. */
export function describeCommand(command: string, args: readonly string[]): string {
  const shown = [command, ...args].map((a) => (a.length > 200 ? `${a.slice(0, 200)}…` : a));
  return redactCredentials(shown.join(' '));
}

/**
 * Starts `command` with an argv array (never a shell) and returns its streams.
 * The process runs in its own process group so that timeouts and aborts also stop the helpers it starts.
 * WARNING: the caller must consume stdout/stderr or the child blocks on a full pipe.
 */
export function startProcess(command: string, args: readonly string[], options: ProcessOptions): VcsChildProcess {
  if (options.signal?.aborted) throw new VcsError('Aborted', 'The operation was aborted');
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    shell: false,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const info: RunningProcessInfo = { pid: child.pid, command: describeCommand(command, args), label: options.label, startedAt: new Date() };
  registry.set(child, info);

  let stopReason: 'timeout' | 'aborted' | undefined;
  const killGroup = (signal: NodeJS.Signals = 'SIGTERM'): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      child.kill(signal);
    }
  };
  let forceKillTimer: NodeJS.Timeout | undefined;
  const stop = (reason: 'timeout' | 'aborted'): void => {
    stopReason ??= reason;
    killGroup('SIGTERM');
    forceKillTimer ??= setTimeout(() => killGroup('SIGKILL'), 2000);
    forceKillTimer.unref();
  };
  const timer = options.timeoutMs ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
  timer?.unref();
  const onAbort = (): void => stop('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // A child that exits early makes writes fail with EPIPE; its exit status tells the real story.
  child.stdin?.on('error', () => undefined);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      options.logger?.(code === 0 ? 'debug' : 'info', 'vcs process ended', {
        command: info.command,
        label: info.label,
        exitCode: code,
        signal,
        stopped: stopReason,
        ms: Date.now() - info.startedAt.getTime(),
      });
      if (timer) clearTimeout(timer);
      if (forceKillTimer) clearTimeout(forceKillTimer);
      options.signal?.removeEventListener('abort', onAbort);
      registry.delete(child);
      resolve({ code, signal });
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      info.command += ` (${err.code ?? err.message})`;
      finish(err.code === 'ENOENT' ? 127 : 126, null);
    });
    child.once('close', (code, signal) => finish(code, signal));
  });

  return {
    pid: child.pid,
    stdin: child.stdin as Writable,
    stdout: child.stdout as Readable,
    stderr: child.stderr as Readable,
    exited,
    kill: (signal) => killGroup(signal),
    get stopReason() {
      return stopReason;
    },
  };
}

/**
 * Runs `command` to completion and collects its output. Fails with a typed {@link VcsError}:
 * `Timeout`, `Aborted`, whatever `classifyError` decides, else `VcsFailure` with the (redacted) stderr.
 */
export async function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const child = startProcess(command, args, options);
  const stdoutChunks: Buffer[] = [];
  let stdoutBytes = 0;
  let truncated = false;
  const max = options.maxOutputBytes;
  child.stdout.on('data', (chunk: Buffer) => {
    if (truncated) return;
    if (max !== undefined && stdoutBytes + chunk.length > max) {
      stdoutChunks.push(chunk.subarray(0, max - stdoutBytes));
      stdoutBytes = max;
      truncated = true;
      child.kill();
      return;
    }
    stdoutChunks.push(chunk);
    stdoutBytes += chunk.length;
  });
  const stderrChunks: Buffer[] = [];
  let stderrBytes = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    // Keep the head of stderr only: the error is at the start, and a chatty child must not eat memory.
    if (stderrBytes < 64 * 1024) stderrChunks.push(chunk);
    stderrBytes += chunk.length;
  });

  if (options.input instanceof Readable) {
    options.input.on('error', () => child.kill());
    options.input.pipe(child.stdin);
  } else {
    child.stdin.end(options.input ?? undefined);
  }

  const { code } = await child.exited;
  const stderr = Buffer.concat(stderrChunks).toString('utf8');
  const stdout = Buffer.concat(stdoutChunks);
  const describe = (): string => describeCommand(command, args);
  if (child.stopReason === 'timeout') {
    throw new VcsError('Timeout', `${command} took longer than ${options.timeoutMs} ms`, { command: describe(), exitCode: code });
  }
  if (child.stopReason === 'aborted') {
    throw new VcsError('Aborted', 'The operation was aborted', { command: describe(), exitCode: code });
  }
  if (truncated) return { stdout, stderr, exitCode: code, truncated };
  const ok = options.okExitCodes ?? [0];
  if (code === null || !ok.includes(code)) {
    const typed = options.classifyError?.(stderr, code);
    if (typed) throw typed;
    throw failure(command, args, stderr, code);
  }
  return { stdout, stderr, exitCode: code, truncated };
}

/** The generic `VcsFailure` for a process that exited badly, with a redacted, one-paragraph message. */
export function failure(command: string, args: readonly string[], stderr: string, exitCode: number | null): VcsError {
  const firstLines = redactCredentials(stderr.trim().split('\n').slice(0, 5).join('\n'));
  const what = exitCode === 127 ? `${command} is not installed` : `${command} failed (exit ${exitCode ?? 'signal'})`;
  return new VcsError('VcsFailure', firstLines ? `${what}: ${firstLines}` : what, {
    command: describeCommand(command, args),
    exitCode,
    stderr: redactCredentials(stderr.slice(0, 4000)),
  });
}

/**
 * The stdout of a started process as a stream that ends when the process exits cleanly and fails
 * (with a typed error) when it exits badly. Destroying the stream kills the process: a client that
 * disconnects must not leave a `git archive` running.
 */
export function outputStream(child: VcsChildProcess, command: string, args: readonly string[]): Readable {
  const out = new PassThrough();
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 8000) stderr += c.toString('utf8');
  });
  child.stdout.pipe(out, { end: false });
  let stdoutEnded = false;
  const stdoutDone = new Promise<void>((resolve) => {
    child.stdout.once('end', () => {
      stdoutEnded = true;
      resolve();
    });
    child.stdout.once('close', () => resolve());
  });
  void Promise.all([child.exited, stdoutDone]).then(([{ code }]) => {
    if (out.destroyed) return;
    if (child.stopReason === 'timeout') out.destroy(new VcsError('Timeout', `${command} took too long`));
    else if (child.stopReason === 'aborted') out.destroy(new VcsError('Aborted', 'The operation was aborted'));
    else if (code !== 0 || !stdoutEnded) out.destroy(failure(command, args, stderr, code));
    else out.end();
  });
  out.once('close', () => {
    if (!out.writableFinished) child.kill();
  });
  return out;
}
