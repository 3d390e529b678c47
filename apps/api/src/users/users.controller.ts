import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiKeyDto,
  CreateApiKey,
  PermissionSummary,
  SshKeyDto,
  SubjectGlobalPermissions,
  UserEmailDto,
  UserIpDto,
  addEmailSchema,
  addIpSchema,
  addSshKeySchema,
  apiKeyInfoSchema,
  createApiKeySchema,
  deleteUserQuerySchema,
  permissionSummarySchema,
  sshKeySchema,
  subjectGlobalPermissionsSchema,
  userEmailSchema,
  userIpSchema,
  CreateUserRequest,
  Page,
  UpdateUserRequest,
  UserSummary,
  createUserRequestSchema,
  pageOf,
  pageQuerySchema,
  updateUserRequestSchema,
  userIdParamSchema,
  userSummarySchema,
} from '@grove/shared';
import { ClientIp, CurrentIdentity, SuperAdminOnly } from '../auth/access.decorators';
import type { RequestIdentity } from '../auth/request-identity';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { z } from 'zod';
import { Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/openapi/params';
import { PermissionSummaryService } from '../permissions/permission-summary.service';
import { UserCredentialsService } from './user-credentials.service';
import { UsersService, toUserSummary } from './users.service';

const idPipe = new ZodValidationPipe(userIdParamSchema.shape.id, 'param');

@ApiTags('users')
@SuperAdminOnly()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: UserCredentialsService,
    private readonly summaries: PermissionSummaryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users (super-admin)' })
  @ZodQuery(pageQuerySchema)
  @ZodResponse(pageOf(userSummarySchema))
  list(@Query() query: { page: number; size: number; filter?: string }): Promise<Page<UserSummary>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (super-admin)' })
  @ZodResponse(userSummarySchema)
  async get(@Param('id', idPipe) id: number): Promise<UserSummary> {
    return toUserSummary(await this.users.get(id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; it gets its own API key' })
  @ZodBody(createUserRequestSchema)
  @ZodResponse(userSummarySchema)
  async create(@Body() body: CreateUserRequest, @CurrentIdentity() me: RequestIdentity, @ClientIp() ip: string): Promise<UserSummary> {
    return toUserSummary(await this.users.create(body, { user: me.user, ip }));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a user: profile, password, active (activate/deactivate), admin' })
  @ZodBody(updateUserRequestSchema)
  @ZodResponse(userSummarySchema)
  async update(
    @Param('id', idPipe) id: number,
    @Body() body: UpdateUserRequest,
    @CurrentIdentity() me: RequestIdentity,
    @ClientIp() ip: string,
  ): Promise<UserSummary> {
    return toUserSummary(await this.users.update(id, body, { user: me.user, ip }));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user; refused while they own repositories or groups unless reassignTo names an heir' })
  @ZodQuery(deleteUserQuerySchema)
  async remove(@Param('id', idPipe) id: number, @Query() query: { reassignTo?: string }, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.delete(id, actor, query.reassignTo);
  }

  @Get(':id/emails')
  @ZodResponse(z.object({ emails: z.array(userEmailSchema) }))
  async emails(@IdParam() id: number): Promise<{ emails: UserEmailDto[] }> {
    return { emails: await this.credentials.emails(await this.users.get(id)) };
  }

  @Post(':id/emails')
  @ZodBody(addEmailSchema)
  @ZodResponse(userEmailSchema)
  async addEmail(@IdParam() id: number, @Body() body: { email: string }): Promise<UserEmailDto> {
    return this.credentials.addEmail(await this.users.get(id), body.email);
  }

  @Delete(':id/emails/:emailId')
  @HttpCode(204)
  async deleteEmail(@IdParam() id: number, @IdParam('emailId') emailId: number): Promise<void> {
    await this.credentials.deleteEmail(await this.users.get(id), emailId);
  }

  @Get(':id/ips')
  @ApiOperation({ summary: "A user's IP allow-list (the global list is the default user's: /api/v1/admin/ip-allowlist)" })
  @ZodResponse(z.object({ ips: z.array(userIpSchema) }))
  async ips(@IdParam() id: number): Promise<{ ips: UserIpDto[] }> {
    return { ips: await this.credentials.ips((await this.users.get(id)).id) };
  }

  @Post(':id/ips')
  @ZodBody(addIpSchema)
  @ZodResponse(userIpSchema)
  async addIp(@IdParam() id: number, @Body() body: { ipAddr: string }): Promise<UserIpDto> {
    return this.credentials.addIp((await this.users.get(id)).id, body.ipAddr);
  }

  @Delete(':id/ips/:ipId')
  @HttpCode(204)
  async deleteIp(@IdParam() id: number, @IdParam('ipId') ipId: number): Promise<void> {
    await this.credentials.deleteIp((await this.users.get(id)).id, ipId);
  }

  @Get(':id/api-keys')
  @ZodResponse(z.object({ apiKeys: z.array(apiKeyInfoSchema) }))
  async apiKeys(@IdParam() id: number): Promise<{ apiKeys: ApiKeyDto[] }> {
    return { apiKeys: await this.credentials.apiKeys(await this.users.get(id)) };
  }

  @Post(':id/api-keys')
  @ApiOperation({ summary: 'Create an extra API key for a user, optionally expiring' })
  @ZodBody(createApiKeySchema)
  @ZodResponse(apiKeyInfoSchema)
  async createApiKey(@IdParam() id: number, @Body() body: CreateApiKey): Promise<ApiKeyDto> {
    return this.credentials.createApiKey(await this.users.get(id), body);
  }

  @Delete(':id/api-keys/:keyId')
  @HttpCode(204)
  async revokeApiKey(@IdParam() id: number, @IdParam('keyId') keyId: number): Promise<void> {
    await this.credentials.revokeApiKey(await this.users.get(id), keyId);
  }

  @Post(':id/api-keys/builtin/reset')
  @ZodResponse(z.object({ apiKey: z.string() }))
  async resetBuiltin(@IdParam() id: number): Promise<{ apiKey: string }> {
    return { apiKey: await this.credentials.resetBuiltinApiKey(await this.users.get(id)) };
  }

  @Get(':id/ssh-keys')
  @ZodResponse(z.object({ sshKeys: z.array(sshKeySchema) }))
  async sshKeys(@IdParam() id: number): Promise<{ sshKeys: SshKeyDto[] }> {
    return { sshKeys: await this.credentials.sshKeys((await this.users.get(id)).id) };
  }

  @Post(':id/ssh-keys')
  @ZodBody(addSshKeySchema)
  @ZodResponse(sshKeySchema)
  async addSshKey(@IdParam() id: number, @Body() body: { publicKey: string; description?: string }): Promise<SshKeyDto> {
    return this.credentials.addSshKey((await this.users.get(id)).id, body.publicKey, body.description);
  }

  @Delete(':id/ssh-keys/:keyId')
  @HttpCode(204)
  async deleteSshKey(@IdParam() id: number, @IdParam('keyId') keyId: number): Promise<void> {
    await this.credentials.deleteSshKey((await this.users.get(id)).id, keyId);
  }

  @Get(':id/permissions')
  @ApiOperation({ summary: "A user's effective permissions on everything" })
  @ZodResponse(permissionSummarySchema)
  async permissions(@IdParam() id: number): Promise<PermissionSummary> {
    return this.summaries.summary(await this.users.get(id));
  }

  @Get(':id/global-permissions')
  @ApiOperation({ summary: "The user's own global permissions (they can only raise the default user's)" })
  @ZodResponse(subjectGlobalPermissionsSchema)
  async globals(@IdParam() id: number): Promise<SubjectGlobalPermissions> {
    return this.users.globalPermissions(id);
  }

  @Put(':id/global-permissions')
  @ZodBody(subjectGlobalPermissionsSchema)
  @ZodResponse(subjectGlobalPermissionsSchema)
  async setGlobals(@IdParam() id: number, @Body() body: SubjectGlobalPermissions): Promise<SubjectGlobalPermissions> {
    return this.users.setGlobalPermissions(id, body);
  }
}
