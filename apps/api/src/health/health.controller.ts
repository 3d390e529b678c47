import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthResponse, healthResponseSchema } from '@grove/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { ZodResponse } from '../common/openapi/zod-openapi';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('api')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness and database status (503 when the database is unreachable)' })
  @ZodResponse(healthResponseSchema)
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    if (result.status !== 'ok') reply.status(503);
    return result;
  }
}
