import { Agent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { VcsService } from '@grove/vcs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.token';
import { PushJournalService } from './push-journal.service';
import { EMPTY_HG_REPO, VcsAccessService } from './vcs-access.service';
import { classifyVcsRequest, HG_JOURNALED_PULLS, type VcsRequest } from './vcs-request';

/** Hop-by-hop headers are the proxy's own business (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade', 'authorization', 'cookie', 'host']);

/**
 * Git and hg over HTTP at `/{repo_name}` and `/_{id}` (architecture.md §5): an `onRequest` hook
 * takes VCS requests over before Nest routing and body parsing; bodies stream both ways. git runs
 * `git http-backend` per request (CGI); hg goes to the long-running Mercurial workers.
 */
@Injectable()
export class VcsHttpGateway implements OnApplicationShutdown {
  /** Keep-alive connections to the hg workers (their listen backlog is small). */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly vcs: VcsService,
    private readonly access: VcsAccessService,
    private readonly journal: PushJournalService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Installs the hook; call before the app starts listening and after the client-IP hook. */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const classified = classifyVcsRequest(request.method, request.url, request.headers);
      if (!classified) return;
      reply.hijack();
      const started = Date.now();
      const res = reply.raw;
      try {
        if ('error' in classified) {
          this.refuse(request.raw, res, 400, classified.error);
        } else {
          await this.serve(request, res, classified);
        }
      } catch (err) {
        this.logger.error({ err, url: request.url }, 'VCS request failed');
        if (!res.headersSent) this.refuse(request.raw, res, 500, 'Internal error');
        else res.destroy();
      }
      res.once('close', () =>
        this.logger.info({ method: request.method, url: request.url.replace(/([?&]api_key=)[^&]*/gi, '$1[redacted]'), status: res.statusCode, ms: Date.now() - started, ip: request.clientIp, vcs: true }, 'request'),
      );
    });
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  private async serve(request: FastifyRequest, res: ServerResponse, vcs: VcsRequest): Promise<void> {
    const ip = request.clientIp ?? request.socket.remoteAddress ?? '';
    const access = await this.access.authorizeHttp({
      vcs: vcs.vcs,
      repoRef: vcs.repoRef,
      action: vcs.action,
      authorization: request.headers.authorization,
      ip,
      pushDiscovery: vcs.vcs === 'hg' && vcs.pushDiscovery,
    });
    if (access.ok === 'empty-hg') return this.hg(request.raw, res, EMPTY_HG_REPO, access.user.username, false);
    if (!access.ok) {
      const headers: Record<string, string> = access.status === 401 ? { 'WWW-Authenticate': `Basic realm="${await this.access.realm()}"` } : {};
      this.refuse(request.raw, res, access.status, access.message, headers);
      return;
    }
    const ctx = { repo: access.repo, user: access.user, ip, channel: 'http' as const, created: access.created };
    if (vcs.vcs === 'git') {
      if (vcs.pathInfo === '/git-receive-pack') return this.journal.push(ctx, () => this.git(request.raw, res, vcs, ctx.repo.name, ctx.user.username, ip));
      await this.git(request.raw, res, vcs, ctx.repo.name, ctx.user.username, ip);
      if (vcs.service === 'git-upload-pack' && res.statusCode === 200) await this.journal.pull(ctx.repo, ctx.user, ip);
      return;
    }
    if (vcs.action === 'push' && (vcs.command === 'unbundle' || vcs.command === 'pushkey')) {
      return this.journal.push(ctx, () => this.hg(request.raw, res, ctx.repo.name, ctx.user.username, true));
    }
    await this.hg(request.raw, res, ctx.repo.name, ctx.user.username, vcs.action === 'push');
    if (HG_JOURNALED_PULLS.has(vcs.command) && res.statusCode === 200) await this.journal.pull(ctx.repo, ctx.user, ip);
  }

  /** `git http-backend` as a CGI; resolves when the response has been sent and git has exited. */
  private async git(
    req: IncomingMessage,
    res: ServerResponse,
    vcs: Extract<VcsRequest, { vcs: 'git' }>,
    repoName: string,
    user: string,
    ip: string,
  ): Promise<void> {
    const abort = new AbortController();
    const backend = await this.vcs.gitHttpBackend({
      repoName,
      pathInfo: vcs.pathInfo,
      method: req.method ?? 'GET',
      queryString: vcs.queryString,
      headers: req.headers,
      remoteUser: user,
      remoteAddr: ip,
      signal: abort.signal,
    });
    const stop = () => {
      abort.abort();
      backend.kill();
    };
    // A client that goes away mid-request must not leave git waiting on its input.
    req.once('aborted', stop);
    req.on('error', stop);
    res.once('close', () => {
      if (!res.writableFinished) stop();
    });
    (backend.stdin as NodeJS.WritableStream & { on(e: 'error', f: () => void): void }).on('error', () => undefined);
    req.pipe(backend.stdin);
    try {
      const response = await backend.response;
      for (const [name, value] of response.headers) res.appendHeader(name, value);
      res.writeHead(response.status);
      await relay(response.body, res);
    } catch (err) {
      if (!res.headersSent) this.refuse(req, res, 500, 'git failed');
      this.logger.warn({ err, repository: repoName }, 'git http-backend failed');
    }
    await backend.exited;
  }

  /** Proxies one request to a Mercurial worker; resolves when the response has ended. */
  private async hg(req: IncomingMessage, res: ServerResponse, repoName: string, user: string, allowPush: boolean): Promise<void> {
    const pool = await this.vcs.hgHttpWorkers();
    const lease = await pool.acquire();
    try {
      await new Promise<void>((resolve) => {
        const upstream = httpRequest(
          {
            host: lease.host,
            port: lease.port,
            method: req.method,
            path: `/?${req.url?.split('?')[1] ?? ''}`,
            headers: lease.headers(withoutHopByHop(req.headers), { repoName, remoteUser: user, allowPush }),
            agent: this.agent,
          },
          (up) => {
            const headers = withoutHopByHop(up.headers);
            res.writeHead(up.statusCode ?? 502, headers);
            void relay(up, res).then(resolve);
          },
        );
        upstream.on('error', (err) => {
          this.logger.warn({ err, repository: repoName }, 'Mercurial worker request failed');
          if (!res.headersSent) this.refuse(req, res, 502, 'Mercurial worker unavailable');
          else res.destroy();
          resolve();
        });
        req.once('aborted', () => upstream.destroy());
        req.on('error', () => upstream.destroy());
        res.once('close', () => {
          if (!res.writableFinished) upstream.destroy();
        });
        req.pipe(upstream);
      });
    } finally {
      lease.release();
    }
  }

  /**
   * A plain-text refusal. The reason phrase carries the message (hg prints it); the request body
   * is drained, not buffered, so clients that send it anyway (hg's unbundle) read the answer.
   */
  private refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const text = message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
    const send = () => {
      if (res.headersSent || res.destroyed) return;
      res.statusMessage = text;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(`${text}\n`);
    };
    if (req.readableEnded || req.method === 'GET' || req.method === 'HEAD') send();
    else {
      req.once('end', send);
      req.on('error', () => res.destroy());
      req.resume();
    }
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
  return out;
}

/**
 * Pipes a response body to the client with backpressure; an upstream that goes away mid-response
 * closes the client's connection instead of leaving it waiting. Resolves when the response is closed.
 */
function relay(body: NodeJS.ReadableStream, res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    let ended = false;
    res.once('close', () => resolve());
    body.once('end', () => (ended = true));
    body.on('error', () => res.destroy());
    body.once('close', () => {
      if (!ended) res.destroy();
    });
    body.pipe(res);
  });
}
