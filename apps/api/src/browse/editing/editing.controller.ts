import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { addFileSchema, commitResponseSchema, deleteFileSchema, editFileSchema, type AddFile, type CommitResponse, type DeleteFile, type EditFile } from '@grove/shared';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodBody, ZodResponse } from '../../common/openapi/zod-openapi';
import { EditingService } from './editing.service';

/** Signed-in users with write permission; CSRF applies to cookie sessions through the global guard. */
@ApiTags('browse')
@Controller('api/v1/repos/:ref/files')
export class EditingController {
  constructor(private readonly editing: EditingService) {}

  @Post('add')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a file (typed content, or uploaded bytes as contentBase64) on a branch head' })
  @ZodBody(addFileSchema)
  @ZodResponse(commitResponseSchema)
  add(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: AddFile & { location: string }): Promise<CommitResponse> {
    return this.editing.add(actor, ref, body);
  }

  @Post('edit')
  @HttpCode(201)
  @ApiOperation({ summary: 'Replace the content of a text file on a branch head' })
  @ZodBody(editFileSchema)
  @ZodResponse(commitResponseSchema)
  edit(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: EditFile): Promise<CommitResponse> {
    return this.editing.edit(actor, ref, body);
  }

  @Post('delete')
  @HttpCode(201)
  @ApiOperation({ summary: 'Delete a file on a branch head' })
  @ZodBody(deleteFileSchema)
  @ZodResponse(commitResponseSchema)
  delete(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: DeleteFile): Promise<CommitResponse> {
    return this.editing.delete(actor, ref, body);
  }
}
