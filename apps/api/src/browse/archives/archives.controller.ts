import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { repoPathSchema } from '@grove/shared';
import type { ArchiveFormat } from '@grove/vcs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { badRequest, forbidden, notFound } from '../../common/errors/domain-error';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery } from '../../common/openapi/zod-openapi';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { JournalService } from '../../journal/journal.service';
import { attachment, sendBytes } from '../http-bytes';
import { RepoContextService } from '../repo-context.service';

const FORMATS: Array<{ ext: string; format: ArchiveFormat; type: string }> = [
  { ext: '.tar.gz', format: 'tgz', type: 'application/x-gzip' },
  { ext: '.tar.bz2', format: 'tbz2', type: 'application/x-bzip2' },
  { ext: '.zip', format: 'zip', type: 'application/zip' },
  { ext: '.tar', format: 'tar', type: 'application/x-tar' },
];

const archiveQuerySchema = z.object({ subdir: repoPathSchema.optional() }).strict();
const fnameSchema = z.string().min(1).max(300);

/** Archives (§2.4): any revision, optional subdirectory, streamed, only when downloads are enabled, journaled. */
@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class ArchivesController {
  constructor(
    private readonly context: RepoContextService,
    private readonly journal: JournalService,
  ) {}

  @Get('archive/:fname')
  @ApiOperation({ summary: 'Archive of a revision: fname = <rev>.zip | .tar.gz | .tar.bz2 | .tar' })
  @ZodQuery(archiveQuerySchema)
  async archive(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Param('fname', new ZodValidationPipe(fnameSchema, 'param')) fname: string,
    @Query() query: { subdir?: string },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ctx = await this.context.open(actor, ref);
    const kind = FORMATS.find((f) => fname.endsWith(f.ext));
    if (!kind) throw badRequest('Unknown archive type');
    const rev = fname.slice(0, -kind.ext.length);
    if (!rev || rev.startsWith('-') || [...rev].some((c) => c.charCodeAt(0) < 32)) throw badRequest(`Unknown revision ${rev}`);
    if (!ctx.repo.enableDownloads) throw forbidden('Downloads disabled');
    if (await ctx.vcs.isEmpty()) throw notFound('Empty repository');
    const rawId = await ctx.vcs.resolveRevision(rev);
    const base = `${ctx.repo.name.replace(/\//g, '_')}-${rawId.slice(0, 12)}`;
    const archive = await ctx.vcs.archive(rawId, { format: kind.format, prefix: base, subdirectory: query.subdir || undefined });
    const name = `${base}${kind.ext}`;
    await this.journal.record({ user: actor.user, action: 'user_downloaded_archive', parameter: name, repository: ctx.repo, ip: actor.ip });
    await sendBytes(reply, archive.stream, kind.type, attachment(name));
  }
}
