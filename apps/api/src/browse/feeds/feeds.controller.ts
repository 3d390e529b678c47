import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { RepoContextService } from '../repo-context.service';
import { FeedsService } from './feeds.service';

/** The site origin a request came to, for absolute links in feeds and clone URLs. */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref/feed')
export class FeedsController {
  constructor(
    private readonly context: RepoContextService,
    private readonly feeds: FeedsService,
  ) {}

  @Get(':type')
  @ApiOperation({ summary: 'RSS 2.0 (rss) or Atom 1.0 (atom) feed of the newest changesets' })
  async feed(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Param('type', new ZodValidationPipe(z.enum(['rss', 'atom'], { message: 'feed type must be rss or atom' }), 'param')) type: 'rss' | 'atom',
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { body, contentType } = await this.feeds.feed(await this.context.open(actor, ref), type, originOf(request));
    await reply.header('content-type', contentType).header('x-content-type-options', 'nosniff').send(body);
  }
}
