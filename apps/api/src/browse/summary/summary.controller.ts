import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  markupContextResponseSchema,
  repoRefsResponseSchema,
  summaryQuerySchema,
  summaryResponseSchema,
  type MarkupContextResponse,
  type RepoRefsResponse,
  type SummaryResponse,
} from '@grove/shared';
import type { FastifyRequest } from 'fastify';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import { RepoContextService } from '../repo-context.service';
import { SummaryService } from './summary.service';

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class SummaryController {
  constructor(
    private readonly context: RepoContextService,
    private readonly summaryService: SummaryService,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Summary page data: repository, refs, latest changes, README, trending types, downloads, clone URLs' })
  @ZodQuery(summaryQuerySchema)
  @ZodResponse(summaryResponseSchema)
  async summary(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { page: number; size: number }, @Req() request: FastifyRequest): Promise<SummaryResponse> {
    const origin = { scheme: request.protocol, host: request.headers.host ?? 'localhost' };
    return this.summaryService.summary(actor, await this.context.open(actor, ref), origin, query);
  }

  @Get('refs')
  @ApiOperation({ summary: 'Branches (open and closed), tags, bookmarks, default branch, tip' })
  @ZodResponse(repoRefsResponseSchema)
  async refs(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<RepoRefsResponse> {
    return (await this.context.open(actor, ref)).vcs.refs();
  }

  @Get('markup-context')
  @ApiOperation({ summary: 'Issue-tracker link families and the stylify switch for rendering messages of this repository' })
  @ZodResponse(markupContextResponseSchema)
  async markupContext(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<MarkupContextResponse> {
    return this.summaryService.markupContext(await this.context.open(actor, ref));
  }
}
