import { Controller, Get, Query, Req, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  markupContextResponseSchema,
  repoSizeResponseSchema,
  repoRefsResponseSchema,
  summaryQuerySchema,
  summaryResponseSchema,
  type MarkupContextResponse,
  type RepoRefsResponse,
  type RepoSizeResponse,
  type SummaryResponse,
} from '@grove/shared';
import type { FastifyRequest } from 'fastify';
import { ACCESS_LEVEL, AllowAnonymous, type AccessLevel } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import { RepoContextService } from '../repo-context.service';
import { diskUsage, formatBytes } from './repo-size';
import { SummaryService } from './summary.service';

/** Overrides the class's anonymous access for one route: signed-in users only. */
const SignedIn = () => SetMetadata(ACCESS_LEVEL, 'user' satisfies AccessLevel);

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

  @SignedIn()
  @Get('size')
  @ApiOperation({ summary: "The repository's size on disk (signed-in readers; the summary loads it on demand)" })
  @ZodResponse(repoSizeResponseSchema)
  async size(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<RepoSizeResponse> {
    const bytes = await diskUsage((await this.context.open(actor, ref)).vcs.path);
    return { bytes, text: formatBytes(bytes) };
  }

  @Get('markup-context')
  @ApiOperation({ summary: 'Issue-tracker link families and the stylify switch for rendering messages of this repository' })
  @ZodResponse(markupContextResponseSchema)
  async markupContext(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<MarkupContextResponse> {
    return this.summaryService.markupContext(await this.context.open(actor, ref));
  }
}
