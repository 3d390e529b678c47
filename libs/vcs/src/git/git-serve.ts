import { PassThrough, type Readable } from 'node:stream';
import { invalidArgument, VcsError } from '../errors';
import { validateRepoName } from '../names';
import { startProcess, type ProcessLogger, type VcsChildProcess } from '../process/run';
import type { ToolEnvironment } from '../process/tool-env';

/** One smart-HTTP request to hand to `git http-backend`. */
export interface GitHttpRequest {
  repoName: string;
  /** The part of the URL path after the repository name: `/info/refs`, `/git-upload-pack`, `/git-receive-pack`, … */
  pathInfo: string;
  method: string;
  /** The raw query string without `?` (e.g. `service=git-upload-pack`). */
  queryString?: string;
  /** The client's request headers (every one is passed as `HTTP_*`, except credentials and cookies). */
  headers: Record<string, string | string[] | undefined>;
  /** The authenticated user (required by git for pushes); null/undefined for anonymous. */
  remoteUser?: string | null;
  remoteAddr?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The CGI response of `git http-backend`. */
export interface CgiResponse {
  status: number;
  headers: Array<[string, string]>;
  body: Readable;
}

/** A running `git http-backend`: write the request body to `stdin`, await `response`. */
export interface GitHttpBackendProcess {
  readonly stdin: NodeJS.WritableStream;
  readonly response: Promise<CgiResponse>;
  /** Stops the backend (call when the client disconnects). */
  kill(): void;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const PATH_INFO = /^\/(info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/(info\/[a-z-]+|[0-9a-f]{2}\/[0-9a-f]{38}|pack\/pack-[0-9a-f]{40}\.(pack|idx)))$/;

/**
 * Starts `git http-backend` (CGI) for one request with the environment git expects: every request
 * header as `HTTP_*` (so `Git-Protocol` enables protocol v2 and `Content-Encoding: gzip` bodies are
 * inflated by git), `CONTENT_LENGTH` only when the client sent one, and `REMOTE_USER` for pushes.
 */
export function startGitHttpBackend(
  tools: ToolEnvironment,
  reposRoot: string,
  req: GitHttpRequest,
  defaultTimeoutMs: number,
  logger?: ProcessLogger,
): GitHttpBackendProcess {
  validateRepoName(req.repoName);
  if (!PATH_INFO.test(req.pathInfo)) throw invalidArgument('Not a git smart-HTTP path');
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') throw invalidArgument('Unsupported method');
  const query = req.queryString ?? '';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(query)) throw invalidArgument('Invalid query string');
  const env: Record<string, string> = {
    ...tools.gitEnv,
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    GIT_PROJECT_ROOT: reposRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: `/${req.repoName}${req.pathInfo}`,
    REQUEST_METHOD: method,
    QUERY_STRING: query,
    REMOTE_ADDR: req.remoteAddr ?? '127.0.0.1',
  };
  if (req.remoteUser) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(req.remoteUser)) throw invalidArgument('Invalid user name');
    env['REMOTE_USER'] = req.remoteUser;
  }
  for (const [name, raw] of Object.entries(req.headers)) {
    if (raw === undefined) continue;
    const lower = name.toLowerCase();
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    // eslint-disable-next-line no-control-regex
    if (!/^[A-Za-z0-9-]+$/.test(name) || /[\u0000\r\n]/.test(value)) continue;
    if (lower === 'content-type') env['CONTENT_TYPE'] = value;
    else if (lower === 'content-length') env['CONTENT_LENGTH'] = value;
    else if (lower !== 'authorization' && lower !== 'cookie' && lower !== 'proxy-authorization') {
      env[`HTTP_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    }
  }
  const child = startProcess(tools.gitBinary, ['http-backend'], {
    env,
    cwd: reposRoot,
    timeoutMs: req.timeoutMs ?? defaultTimeoutMs,
    signal: req.signal,
    label: req.repoName,
    logger,
  });
  return {
    stdin: child.stdin,
    response: readCgiResponse(child),
    kill: () => child.kill(),
    exited: child.exited,
  };
}

/** Parses a CGI response: header lines up to an empty line (`Status:` gives the code), then the body, streamed. */
export function readCgiResponse(child: VcsChildProcess): Promise<CgiResponse> {
  return new Promise<CgiResponse>((resolve, reject) => {
    let head = Buffer.alloc(0);
    let stderr = '';
    let settled = false;
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString('utf8');
    });
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
      if (end < 0) {
        if (head.length > 64 * 1024) fail(new VcsError('VcsFailure', 'git http-backend sent oversized headers'));
        return;
      }
      const sepLength = end === crlf ? 4 : 2;
      child.stdout.off('data', onData);
      child.stdout.pause();
      const headers: Array<[string, string]> = [];
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 500;
        else headers.push([name, value]);
      }
      const body = new PassThrough();
      const rest = head.subarray(end + sepLength);
      if (rest.length > 0) body.write(rest);
      child.stdout.pipe(body);
      body.once('close', () => {
        if (!body.writableFinished) child.kill();
      });
      settled = true;
      resolve({ status, headers, body });
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      child.kill();
      reject(err);
    };
    child.stdout.on('data', onData);
    void child.exited.then(({ code }) => {
      if (settled) return;
      if (child.stopReason === 'timeout') fail(new VcsError('Timeout', 'git http-backend took too long'));
      else fail(new VcsError('VcsFailure', `git http-backend exited (${code ?? 'signal'}) without a response: ${stderr.trim().slice(0, 300)}`));
    });
  });
}

/** The git services an SSH client may run. */
export type GitSshService = 'git-upload-pack' | 'git-receive-pack';

/** Starts `git upload-pack` / `git receive-pack` for an SSH session, wired to the session's streams by the caller. */
export function startGitSsh(
  tools: ToolEnvironment,
  repoPath: string,
  service: GitSshService,
  options: { gitProtocol?: string; timeoutMs?: number; signal?: AbortSignal; label?: string; logger?: ProcessLogger } = {},
): VcsChildProcess {
  if (service !== 'git-upload-pack' && service !== 'git-receive-pack') throw invalidArgument('Unknown git service');
  const env: Record<string, string> = { ...tools.gitEnv };
  if (options.gitProtocol !== undefined) {
    if (!/^[a-z0-9=:._-]{1,64}$/i.test(options.gitProtocol)) throw invalidArgument('Invalid GIT_PROTOCOL');
    env['GIT_PROTOCOL'] = options.gitProtocol;
  }
  return startProcess(tools.gitBinary, [service === 'git-upload-pack' ? 'upload-pack' : 'receive-pack', repoPath], {
    env,
    cwd: repoPath,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    label: options.label,
    logger: options.logger,
  });
}
