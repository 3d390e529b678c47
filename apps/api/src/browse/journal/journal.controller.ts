import { Controller, Delete, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { journalQuerySchema, journalResponseSchema, publicJournalStateSchema, type JournalResponse, type PublicJournalState } from '@grove/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AllowAnonymous, SuperAdminOnly } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import { RefParam } from '../../common/openapi/params';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import { RepoContextService } from '../repo-context.service';
import { originOf } from '../feeds/feeds.controller';
import { JournalFeedsService } from './journal-feeds.service';
import { JournalQueryService } from './journal-query.service';

type Query = { page: number; size: number; filter?: string };

const FEED_TYPE = new ZodValidationPipe(z.enum(['rss', 'atom'], { message: 'feed type must be rss or atom' }), 'param');

@ApiTags('journal')
@Controller('api/v1')
export class JournalController {
  constructor(
    private readonly journal: JournalQueryService,
    private readonly feeds: JournalFeedsService,
    private readonly context: RepoContextService,
  ) {}

  @Get('repos/:ref/public-journal')
  @ApiOperation({ summary: 'Whether the repository is in the public journal (repository admin)' })
  @ZodResponse(publicJournalStateSchema)
  async publicJournalState(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<PublicJournalState> {
    const { repo } = await this.context.open(actor, ref, 'admin');
    return { inPublicJournal: await this.journal.inPublicJournal(repo.id) };
  }

  @Put('repos/:ref/public-journal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add the repository to the public journal: the default user follows it (repository admin)' })
  async addToPublicJournal(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    const { repo } = await this.context.open(actor, ref, 'admin');
    await this.journal.setPublicJournal(repo.id, true);
  }

  @Delete('repos/:ref/public-journal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take the repository out of the public journal (repository admin)' })
  async removeFromPublicJournal(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    const { repo } = await this.context.open(actor, ref, 'admin');
    await this.journal.setPublicJournal(repo.id, false);
  }

  @Get('journal')
  @ApiOperation({ summary: 'My journal: entries of the repositories and users I follow (newest first)' })
  @ZodQuery(journalQuerySchema)
  @ZodResponse(journalResponseSchema)
  mine(@CurrentActor() actor: Actor, @Query() query: Query): Promise<JournalResponse> {
    return this.journal.followed(actor, actor.user, query);
  }

  @Get('journal/feed/:type')
  @ApiOperation({ summary: 'My journal as RSS or Atom (20 newest entries)' })
  async mineFeed(@CurrentActor() actor: Actor, @Param('type', FEED_TYPE) type: 'rss' | 'atom', @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { body, contentType } = await this.feeds.feed(actor, 'mine', type, originOf(request));
    await reply.header('content-type', contentType).send(body);
  }

  @AllowAnonymous()
  @Get('journal/public/feed/:type')
  @ApiOperation({ summary: 'The public journal as RSS or Atom (20 newest entries)' })
  async publicFeed(@CurrentActor() actor: Actor, @Param('type', FEED_TYPE) type: 'rss' | 'atom', @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { body, contentType } = await this.feeds.feed(actor, 'public', type, originOf(request));
    await reply.header('content-type', contentType).send(body);
  }

  @AllowAnonymous()
  @Get('journal/public')
  @ApiOperation({ summary: 'Public journal: entries of the repositories the default user follows' })
  @ZodQuery(journalQuerySchema)
  @ZodResponse(journalResponseSchema)
  publicJournal(@CurrentActor() actor: Actor, @Query() query: Query): Promise<JournalResponse> {
    return this.journal.publicJournal(actor, query);
  }

  @SuperAdminOnly()
  @Get('admin/journal')
  @ApiOperation({ summary: 'Admin journal: every entry, filtered (web-ui.md §3.7), 10 per page by default' })
  @ZodQuery(journalQuerySchema.extend({ size: journalQuerySchema.shape.size.unwrap().unwrap().optional().default(10) }))
  @ZodResponse(journalResponseSchema)
  admin(@Query() query: Query): Promise<JournalResponse> {
    return this.journal.all(query);
  }
}
