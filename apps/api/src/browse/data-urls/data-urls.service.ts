import { Injectable } from '@nestjs/common';
import { repoFilePathSchema, repoPathSchema, revisionSchema } from '@grove/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../common/actor';
import { badRequest, DomainError, ErrorCode } from '../../common/errors/domain-error';
import { ReposService } from '../../repos/repos.service';
import { ArchivesService } from '../archives/archives.service';
import { ChangesetsService } from '../changesets/changesets.service';
import { originOf } from '../feeds/feeds.controller';
import { FeedsService } from '../feeds/feeds.service';
import { FilesService } from '../files/files.service';
import { JournalFeedsService } from '../journal/journal-feeds.service';
import { attachment, sendBytes } from '../http-bytes';
import { RepoContextService } from '../repo-context.service';

/** Keywords of the GET data URLs of web-ui.md §1.3/§1.4/§1.6 that the server answers itself (not the SPA). */
const KEYWORDS = new Set(['raw', 'rawfile', 'archive', 'changeset-diff', 'raw-changeset', 'changeset-patch', 'changeset-download', 'feed', 'diff']);

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

/**
 * The data URLs scripts and browsers fetch directly (`/{repo}/raw/{rev}/{path}`, archives, diffs,
 * patches, feeds): same bytes and headers as Kallithea, answered before the SPA's history fallback.
 * `{repo}` is the shortest path prefix followed by the keyword that names a repository (or `_<id>`).
 */
@Injectable()
export class DataUrlsService {
  constructor(
    private readonly repos: ReposService,
    private readonly context: RepoContextService,
    private readonly files: FilesService,
    private readonly changesets: ChangesetsService,
    private readonly archives: ArchivesService,
    private readonly feeds: FeedsService,
    private readonly journalFeeds: JournalFeedsService,
  ) {}

  /** `/_admin/journal/{rss,atom}` (signed-in users) and the public journal feeds, with their legacy names. */
  private async journalFeed(request: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
    const m = /^\/_admin\/(journal|public_journal)[/_](rss|atom)\/?$/.exec(path);
    if (!m || (m[1] === 'journal' && path.includes('journal_'))) return false;
    const which = m[1] === 'journal' ? 'mine' : 'public';
    const identity = request.user;
    if (!identity || (which === 'mine' && identity.user.isDefaultUser)) {
      await reply.redirect(`/_admin/login?came_from=${encodeURIComponent(request.url)}`, 302);
      return true;
    }
    const { body, contentType } = await this.journalFeeds.feed({ user: identity.user, ip: request.clientIp ?? '' }, which, m[2] as 'rss' | 'atom', originOf(request));
    await sendBytes(reply, body, contentType);
    return true;
  }

  /** Serves the request when it is a data URL; false lets the caller go on (the SPA page). */
  async handle(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const [pathPart] = request.url.split('?');
    let segments: string[];
    try {
      segments = (pathPart ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return false;
    }
    if (await this.journalFeed(request, reply, pathPart ?? '')) return true;
    const query = (request.query ?? {}) as Record<string, string | undefined>;
    for (let i = 1; i < segments.length; i++) {
      const keyword = segments[i]!;
      if (!KEYWORDS.has(keyword)) continue;
      if (keyword === 'diff' && query['diff'] !== 'raw' && query['diff'] !== 'download') continue; // the diff page itself is the SPA's
      if (keyword === 'feed' && !['rss', 'atom'].includes(segments[i + 1] ?? '')) continue;
      const repo = await this.repos.find(segments.slice(0, i).join('/')).catch(() => null);
      if (!repo) continue;
      await this.serve(request, reply, `_${repo.id}`, keyword, segments.slice(i + 1), query);
      return true;
    }
    return false;
  }

  private async serve(request: FastifyRequest, reply: FastifyReply, ref: string, keyword: string, rest: string[], query: Record<string, string | undefined>): Promise<void> {
    const identity = request.user;
    const loginRedirect = () => reply.redirect(`/_admin/login?came_from=${encodeURIComponent(request.url)}`, 302);
    if (!identity) return void (await loginRedirect());
    const actor: Actor = { user: identity.user, ip: request.clientIp ?? '' };
    let ctx;
    try {
      ctx = await this.context.open(actor, ref);
    } catch (error) {
      // anonymous visitors are sent to the login page, as Kallithea does
      if (error instanceof DomainError && error.code === ErrorCode.Unauthenticated) return void (await loginRedirect());
      throw error;
    }
    const [first, ...others] = rest;
    switch (keyword) {
      case 'raw':
      case 'rawfile': {
        const rev = parse(revisionSchema, first ?? '', 'revision');
        const path = parse(repoFilePathSchema, others.join('/'), 'path');
        const { stream, contentType, attachment: asAttachment } = await this.files.raw(ctx, rev, path, keyword === 'rawfile');
        reply.header('content-length', String(stream.size));
        return sendBytes(reply, stream.stream, contentType, asAttachment ? attachment(path.slice(path.lastIndexOf('/') + 1)) : undefined);
      }
      case 'archive': {
        const subdir = query['subdir'] ? parse(repoPathSchema, query['subdir'], 'subdir') : undefined;
        const result = await this.archives.archive(actor, ctx, rest.join('/'), subdir);
        // Kallithea answers refusals as plain 200 text
        if ('refused' in result) return sendBytes(reply, result.refused, 'text/plain; charset=utf-8');
        return sendBytes(reply, result.stream, result.contentType, attachment(result.name));
      }
      case 'changeset-diff':
      case 'raw-changeset':
      case 'changeset-download': {
        const rev = parse(revisionSchema, rest.join('/'), 'revision');
        const context = Number(query['context']);
        const flags = { ignorews: query['ignorews'] === '1', context: Number.isInteger(context) && context >= 0 && context <= 10_000 ? context : undefined };
        const { changeset, diff } = await this.changesets.rawDiff(ctx, rev, flags);
        if (keyword === 'changeset-download') return sendBytes(reply, diff, 'text/x-diff; charset=utf-8', attachment(`${changeset.rawId.slice(0, 12)}.diff`));
        return sendBytes(reply, diff, 'text/plain; charset=utf-8');
      }
      case 'changeset-patch': {
        const { patch } = await this.changesets.patch(ctx, parse(revisionSchema, rest.join('/'), 'revision'));
        return sendBytes(reply, patch, 'text/plain; charset=utf-8');
      }
      case 'feed': {
        const { body, contentType } = await this.feeds.feed(ctx, first as 'rss' | 'atom', originOf(request));
        return sendBytes(reply, body, contentType);
      }
      case 'diff': {
        const path = parse(repoFilePathSchema, rest.join('/'), 'path');
        const side = (v: string | undefined) => (v ? parse(revisionSchema, v, 'revision') : undefined);
        const diff1 = side(query['diff1']);
        const diff2 = side(query['diff2']);
        const result = await this.files.compareFile(ctx, path, diff1, diff2, { ignorews: query['ignorews'] === '1' });
        const name = `${(diff1 || 'empty').replace(/[^\w.-]/g, '_')}_vs_${(diff2 || 'empty').replace(/[^\w.-]/g, '_')}.diff`;
        return sendBytes(reply, result.raw, 'text/plain; charset=utf-8', query['diff'] === 'download' ? attachment(name) : undefined);
      }
    }
  }
}
