import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  changelogQuerySchema,
  changelogResponseSchema,
  changesetFileDiffQuerySchema,
  changesetRangeQuerySchema,
  changesetRangeResponseSchema,
  changesetResponseSchema,
  diffQuerySchema,
  fileDiffResponseSchema,
  type ChangelogResponse,
  type ChangesetRangeResponse,
  type ChangesetResponse,
  type FileDiffResponse,
} from '@grove/shared';
import type { FastifyReply } from 'fastify';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import type { DiffFlags } from '../diff-view';
import { attachment, sendBytes } from '../http-bytes';
import { RevParam } from '../params';
import { RepoContextService } from '../repo-context.service';
import { ChangesetsService } from './changesets.service';

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class ChangesetsController {
  constructor(
    private readonly context: RepoContextService,
    private readonly changesets: ChangesetsService,
  ) {}

  @Get('changelog')
  @ApiOperation({ summary: 'Changelog page with graph rows; branch filter, ending revision, or file history (path)' })
  @ZodQuery(changelogQuerySchema)
  @ZodResponse(changelogResponseSchema)
  async changelog(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Query() query: { page: number; size: number; branch?: string; revision?: string; path?: string },
  ): Promise<ChangelogResponse> {
    return this.changesets.changelog(await this.context.open(actor, ref), query);
  }

  @Get('changesets/:rev')
  @ApiOperation({ summary: 'One changeset: metadata, parents, children, parsed diff (cut off unless fulldiff)' })
  @ZodQuery(diffQuerySchema)
  @ZodResponse(changesetResponseSchema)
  async changeset(@CurrentActor() actor: Actor, @RefParam() ref: string, @RevParam() rev: string, @Query() query: DiffFlags): Promise<ChangesetResponse> {
    return this.changesets.changeset(await this.context.open(actor, ref), rev, query);
  }

  @Get('changesets/:rev/file-diff')
  @ApiOperation({ summary: "One file of a changeset's diff, never cut off" })
  @ZodQuery(changesetFileDiffQuerySchema)
  @ZodResponse(fileDiffResponseSchema)
  async fileDiff(@CurrentActor() actor: Actor, @RefParam() ref: string, @RevParam() rev: string, @Query() query: DiffFlags & { path: string }): Promise<FileDiffResponse> {
    return this.changesets.fileDiff(await this.context.open(actor, ref), rev, query.path, query);
  }

  @Get('changesets/:rev/raw')
  @ApiOperation({ summary: 'Raw git-style diff against the first parent (text/plain)' })
  @ZodQuery(diffQuerySchema)
  async raw(@CurrentActor() actor: Actor, @RefParam() ref: string, @RevParam() rev: string, @Query() query: DiffFlags, @Res() reply: FastifyReply): Promise<void> {
    const { diff } = await this.changesets.rawDiff(await this.context.open(actor, ref), rev, query);
    await sendBytes(reply, diff, 'text/plain; charset=utf-8');
  }

  @Get('changesets/:rev/patch')
  @ApiOperation({ summary: 'Patch: hg export / git format-patch style (text/plain)' })
  async patch(@CurrentActor() actor: Actor, @RefParam() ref: string, @RevParam() rev: string, @Res() reply: FastifyReply): Promise<void> {
    const { patch } = await this.changesets.patch(await this.context.open(actor, ref), rev);
    await sendBytes(reply, patch, 'text/plain; charset=utf-8');
  }

  @Get('changesets/:rev/download')
  @ApiOperation({ summary: 'The raw diff as attachment <hash12>.diff' })
  @ZodQuery(diffQuerySchema)
  async download(@CurrentActor() actor: Actor, @RefParam() ref: string, @RevParam() rev: string, @Query() query: DiffFlags, @Res() reply: FastifyReply): Promise<void> {
    const { changeset, diff } = await this.changesets.rawDiff(await this.context.open(actor, ref), rev, query);
    await sendBytes(reply, diff, 'text/x-diff; charset=utf-8', attachment(`${changeset.rawId.slice(0, 12)}.diff`));
  }

  @Get('changeset-range')
  @ApiOperation({ summary: 'Range page from...to (both included, oldest first), each changeset with its diff' })
  @ZodQuery(changesetRangeQuerySchema)
  @ZodResponse(changesetRangeResponseSchema)
  async range(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: DiffFlags & { from: string; to: string }): Promise<ChangesetRangeResponse> {
    return this.changesets.range(await this.context.open(actor, ref), query.from, query.to, query);
  }
}
