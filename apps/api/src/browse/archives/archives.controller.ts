import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { repoPathSchema } from '@grove/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { badRequest, forbidden, notFound } from '../../common/errors/domain-error';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery } from '../../common/openapi/zod-openapi';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { attachment, sendBytes } from '../http-bytes';
import { RepoContextService } from '../repo-context.service';
import { ArchivesService } from './archives.service';

const archiveQuerySchema = z.object({ subdir: repoPathSchema.optional() }).strict();
const fnameSchema = z.string().min(1).max(300);

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class ArchivesController {
  constructor(
    private readonly context: RepoContextService,
    private readonly archives: ArchivesService,
  ) {}

  @Get('archive/:fname')
  @ApiOperation({ summary: 'Archive of a revision: fname = <rev>.zip | .tar.gz | .tar.bz2 | .tar (downloads enabled only)' })
  @ZodQuery(archiveQuerySchema)
  async archive(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Param('fname', new ZodValidationPipe(fnameSchema, 'param')) fname: string,
    @Query() query: { subdir?: string },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result = await this.archives.archive(actor, await this.context.open(actor, ref), fname, query.subdir);
    if ('refused' in result) {
      throw result.status === 400 ? badRequest(result.refused) : result.status === 403 ? forbidden(result.refused) : notFound(result.refused);
    }
    await sendBytes(reply, result.stream, result.contentType, attachment(result.name));
  }
}
