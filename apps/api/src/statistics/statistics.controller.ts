import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepoStatistics, RepoStatisticsQuery, repoStatisticsQuerySchema, repoStatisticsSchema } from '@grove/shared';
import { AllowAnonymous } from '../auth/access.decorators';
import { Actor, CurrentActor } from '../common/actor';
import { RefParam } from '../common/openapi/params';
import { ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { StatisticsService } from './statistics.service';

@ApiTags('repositories')
@Controller('api/v1/repos/:ref/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @AllowAnonymous()
  @Get()
  @ApiOperation({ summary: 'Commit activity (needs read); each call parses the next batch of changesets until all are counted' })
  @ZodQuery(repoStatisticsQuerySchema)
  @ZodResponse(repoStatisticsSchema)
  get(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: RepoStatisticsQuery): Promise<RepoStatistics> {
    return this.statistics.get(actor, ref, query);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Reset the statistics (repository admin): they are gathered again from the first changeset' })
  async reset(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.statistics.reset(actor, ref);
  }
}
