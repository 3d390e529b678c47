import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createHookSchema, hookSchema, hooksSchema, updateHookSchema, type CreateHook, type HookDto, type HooksDto, type UpdateHook } from '@grove/shared';
import { SuperAdminOnly } from '../auth/access.decorators';
import { IdParam } from '../common/openapi/params';
import { ZodBody, ZodResponse } from '../common/openapi/zod-openapi';
import { CustomHooksService } from './custom-hooks.service';

/** The settings' Hooks tab: built-in hooks read-only, custom push hooks editable. */
@ApiTags('administration')
@Controller('api/v1/admin/hooks')
export class CustomHooksController {
  constructor(private readonly hooks: CustomHooksService) {}

  @SuperAdminOnly()
  @Get()
  @ApiOperation({ summary: 'Built-in hooks (read-only) and custom hooks run after pushes' })
  @ZodResponse(hooksSchema)
  list(): Promise<HooksDto> {
    return this.hooks.list();
  }

  @SuperAdminOnly()
  @Post()
  @ApiOperation({ summary: 'Add a custom hook: `<changegroup|incoming|txnclose>.<name>` = shell command' })
  @ZodBody(createHookSchema)
  @ZodResponse(hookSchema)
  create(@Body() body: CreateHook): Promise<HookDto> {
    return this.hooks.create(body);
  }

  @SuperAdminOnly()
  @Patch(':hookId')
  @ZodBody(updateHookSchema)
  @ZodResponse(hookSchema)
  update(@IdParam('hookId') id: number, @Body() body: UpdateHook): Promise<HookDto> {
    return this.hooks.update(id, body);
  }

  @SuperAdminOnly()
  @Delete(':hookId')
  @HttpCode(204)
  async remove(@IdParam('hookId') id: number): Promise<void> {
    await this.hooks.remove(id);
  }
}
