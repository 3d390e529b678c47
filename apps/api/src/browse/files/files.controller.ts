import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  annotateQuerySchema,
  annotateResponseSchema,
  fileCompareQuerySchema,
  fileCompareResponseSchema,
  fileHistoryQuerySchema,
  fileHistoryResponseSchema,
  filesQuerySchema,
  filesResponseSchema,
  nodeListQuerySchema,
  nodeListResponseSchema,
  rawFileQuerySchema,
  type AnnotateResponse,
  type FileCompareResponse,
  type FileHistoryResponse,
  type FilesResponse,
  type NodeListResponse,
} from '@grove/shared';
import type { FastifyReply } from 'fastify';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import type { DiffFlags } from '../diff-view';
import { attachment, sendBytes } from '../http-bytes';
import { RepoContextService } from '../repo-context.service';
import { FilesService } from './files.service';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class FilesController {
  constructor(
    private readonly context: RepoContextService,
    private readonly files: FilesService,
  ) {}

  @Get('files')
  @ApiOperation({ summary: 'Directory listing (with the last changeset per entry) or file view at a revision' })
  @ZodQuery(filesQuerySchema)
  @ZodResponse(filesResponseSchema)
  async view(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Query() query: { rev?: string; path?: string; full?: boolean; lastChangesets?: boolean },
  ): Promise<FilesResponse> {
    return this.files.files(await this.context.open(actor, ref), query);
  }

  @Get('raw')
  @ApiOperation({ summary: 'Raw file bytes: images inline, text as text/plain, other binaries (or download=1) as attachment' })
  @ZodQuery(rawFileQuerySchema)
  async raw(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { rev?: string; path: string; download?: boolean }, @Res() reply: FastifyReply): Promise<void> {
    const { stream, contentType, attachment: asAttachment } = await this.files.raw(await this.context.open(actor, ref), query.rev, query.path, query.download ?? false);
    reply.header('content-length', String(stream.size));
    await sendBytes(reply, stream.stream, contentType, asAttachment ? attachment(baseName(query.path)) : undefined);
  }

  @Get('annotate')
  @ApiOperation({ summary: 'Annotate (blame) a file at a revision' })
  @ZodQuery(annotateQuerySchema)
  @ZodResponse(annotateResponseSchema)
  async annotate(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { rev?: string; path: string; full?: boolean }): Promise<AnnotateResponse> {
    return this.files.annotate(await this.context.open(actor, ref), query.rev, query.path, query.full ?? false);
  }

  @Get('file-history')
  @ApiOperation({ summary: 'Changesets touching a file (newest first), branches and tags, authors: the diff-to-revision picker' })
  @ZodQuery(fileHistoryQuerySchema)
  @ZodResponse(fileHistoryResponseSchema)
  async history(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { rev?: string; path: string }): Promise<FileHistoryResponse> {
    return this.files.history(await this.context.open(actor, ref), query.rev, query.path);
  }

  @Get('nodelist')
  @ApiOperation({ summary: 'Every directory and file below a path (quick file filter)' })
  @ZodQuery(nodeListQuerySchema)
  @ZodResponse(nodeListResponseSchema)
  async nodeList(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { rev?: string; path?: string }): Promise<NodeListResponse> {
    return this.files.nodeList(await this.context.open(actor, ref), query.rev, query.path ?? '');
  }

  @Get('file-diff')
  @ApiOperation({ summary: 'One file between two revisions: JSON, raw text or download' })
  @ZodQuery(fileCompareQuerySchema)
  @ZodResponse(fileCompareResponseSchema)
  async fileDiff(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Query() query: DiffFlags & { path: string; diff1?: string; diff2?: string; format: 'json' | 'raw' | 'download' },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { raw, ...result } = await this.files.compareFile(await this.context.open(actor, ref), query.path, query.diff1, query.diff2, query);
    if (query.format === 'json') {
      await reply.header('content-type', 'application/json; charset=utf-8').send(result satisfies FileCompareResponse);
      return;
    }
    const name = `${(query.diff1 || 'empty').replace(/[^\w.-]/g, '_')}_vs_${(query.diff2 || 'empty').replace(/[^\w.-]/g, '_')}.diff`;
    await sendBytes(reply, raw, 'text/plain; charset=utf-8', query.format === 'download' ? attachment(name) : undefined);
  }
}
