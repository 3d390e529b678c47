import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { journalQuerySchema, journalResponseSchema, type JournalResponse } from '@grove/shared';
import { AllowAnonymous, SuperAdminOnly } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import { JournalQueryService } from './journal-query.service';

type Query = { page: number; size: number; filter?: string };

@ApiTags('journal')
@Controller('api/v1')
export class JournalController {
  constructor(private readonly journal: JournalQueryService) {}

  @Get('journal')
  @ApiOperation({ summary: 'My journal: entries of the repositories and users I follow (newest first)' })
  @ZodQuery(journalQuerySchema)
  @ZodResponse(journalResponseSchema)
  mine(@CurrentActor() actor: Actor, @Query() query: Query): Promise<JournalResponse> {
    return this.journal.followed(actor, actor.user, query);
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
