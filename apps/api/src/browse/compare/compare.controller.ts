import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { compareQuerySchema, compareResponseSchema, type CompareResponse } from '@grove/shared';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import type { DiffFlags } from '../diff-view';
import { RepoContextService } from '../repo-context.service';
import { CompareService } from './compare.service';

@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class CompareController {
  constructor(
    private readonly context: RepoContextService,
    private readonly compareService: CompareService,
  ) {}

  @Get('compare')
  @ApiOperation({ summary: 'Compare two revisions (plain diff) or, with merge=1, head (here or in otherRepo) against base from their common ancestor' })
  @ZodQuery(compareQuerySchema)
  @ZodResponse(compareResponseSchema)
  async compare(
    @CurrentActor() actor: Actor,
    @RefParam() ref: string,
    @Query() query: DiffFlags & { base: string; head: string; otherRepo?: string; merge?: boolean },
  ): Promise<CompareResponse> {
    return this.compareService.compare(actor, await this.context.open(actor, ref), query);
  }
}
