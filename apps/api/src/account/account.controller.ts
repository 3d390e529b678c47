import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiKeyDto,
  ChangePassword,
  CreateApiKey,
  CurrentUser,
  PermissionSummary,
  RepoListItem,
  SessionResponse,
  SshKeyDto,
  UpdateProfile,
  UserEmailDto,
  addEmailSchema,
  addSshKeySchema,
  apiKeyInfoSchema,
  changePasswordSchema,
  createApiKeySchema,
  currentUserSchema,
  permissionSummarySchema,
  repoListItemSchema,
  sessionResponseSchema,
  sshKeySchema,
  updateProfileSchema,
  userEmailSchema,
} from '@grove/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AuthService } from '../auth/auth.service';
import { toCurrentUser } from '../auth/current-user';
import { SessionCookie } from '../auth/session-cookie';
import { Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/openapi/params';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';

const mySummaryQuerySchema = z.object({ repositories: z.enum(['all', 'admin']).optional() }).strict();
import { PermissionSummaryService } from '../permissions/permission-summary.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { AccountService } from './account.service';

/** My Account: every route acts on the signed-in user (never the default user). */
@ApiTags('my account')
@Controller('api/v1/me')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly credentials: UserCredentialsService,
    private readonly summaries: PermissionSummaryService,
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Patch()
  @ApiOperation({ summary: 'Update my names and e-mail' })
  @ZodBody(updateProfileSchema)
  @ZodResponse(currentUserSchema)
  async updateProfile(@CurrentActor() actor: Actor, @Body() body: UpdateProfile): Promise<CurrentUser> {
    return toCurrentUser(await this.account.updateProfile(actor.user, body));
  }

  @Post('password')
  @ApiOperation({ summary: 'Change my password; other sessions end and this one gets a new cookie' })
  @ZodBody(changePasswordSchema)
  @ZodResponse(sessionResponseSchema)
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePassword, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionResponse> {
    const user = await this.account.changePassword(actor.user, body);
    const session = this.auth.startSession(user, false);
    this.cookie.set(reply, session.token, session.maxAgeSeconds);
    return { user: toCurrentUser(user), csrfToken: this.auth.sessions.csrfToken(session.payload) };
  }

  @Get('emails')
  @ZodResponse(z.object({ emails: z.array(userEmailSchema) }))
  async emails(@CurrentActor() actor: Actor): Promise<{ emails: UserEmailDto[] }> {
    return { emails: await this.credentials.emails(actor.user) };
  }

  @Post('emails')
  @ZodBody(addEmailSchema)
  @ZodResponse(userEmailSchema)
  addEmail(@CurrentActor() actor: Actor, @Body() body: { email: string }): Promise<UserEmailDto> {
    return this.credentials.addEmail(actor.user, body.email);
  }

  @Delete('emails/:emailId')
  @HttpCode(204)
  async deleteEmail(@CurrentActor() actor: Actor, @IdParam('emailId') emailId: number): Promise<void> {
    await this.credentials.deleteEmail(actor.user, emailId);
  }

  @Get('api-keys')
  @ZodResponse(z.object({ apiKeys: z.array(apiKeyInfoSchema) }))
  async apiKeys(@CurrentActor() actor: Actor): Promise<{ apiKeys: ApiKeyDto[] }> {
    return { apiKeys: await this.credentials.apiKeys(actor.user) };
  }

  @Post('api-keys')
  @ZodBody(createApiKeySchema)
  @ZodResponse(apiKeyInfoSchema)
  createApiKey(@CurrentActor() actor: Actor, @Body() body: CreateApiKey): Promise<ApiKeyDto> {
    return this.credentials.createApiKey(actor.user, body);
  }

  @Delete('api-keys/:keyId')
  @HttpCode(204)
  async revokeApiKey(@CurrentActor() actor: Actor, @IdParam('keyId') keyId: number): Promise<void> {
    await this.credentials.revokeApiKey(actor.user, keyId);
  }

  @Post('api-keys/builtin/reset')
  @ApiOperation({ summary: 'Replace my built-in API key' })
  @ZodResponse(z.object({ apiKey: z.string() }))
  async resetBuiltin(@CurrentActor() actor: Actor): Promise<{ apiKey: string }> {
    return { apiKey: await this.credentials.resetBuiltinApiKey(actor.user) };
  }

  @Get('ssh-keys')
  @ZodResponse(z.object({ sshKeys: z.array(sshKeySchema) }))
  async sshKeys(@CurrentActor() actor: Actor): Promise<{ sshKeys: SshKeyDto[] }> {
    return { sshKeys: await this.credentials.sshKeys(actor.user.id) };
  }

  @Post('ssh-keys')
  @ApiOperation({ summary: 'Add an SSH public key (validated; a key belongs to one user only)' })
  @ZodBody(addSshKeySchema)
  @ZodResponse(sshKeySchema)
  addSshKey(@CurrentActor() actor: Actor, @Body() body: { publicKey: string; description?: string }): Promise<SshKeyDto> {
    return this.credentials.addSshKey(actor.user.id, body.publicKey, body.description);
  }

  @Delete('ssh-keys/:keyId')
  @HttpCode(204)
  async deleteSshKey(@CurrentActor() actor: Actor, @IdParam('keyId') keyId: number): Promise<void> {
    await this.credentials.deleteSshKey(actor.user.id, keyId);
  }

  @Get('repositories')
  @ApiOperation({ summary: 'Repositories I own' })
  @ZodResponse(z.object({ repositories: z.array(repoListItemSchema) }))
  async owned(@CurrentActor() actor: Actor): Promise<{ repositories: RepoListItem[] }> {
    return { repositories: await this.account.ownedRepositories(actor.user) };
  }

  @Get('watched')
  @ApiOperation({ summary: 'Repositories I follow' })
  @ZodResponse(z.object({ repositories: z.array(repoListItemSchema) }))
  async watched(@CurrentActor() actor: Actor): Promise<{ repositories: RepoListItem[] }> {
    return { repositories: await this.account.watchedRepositories(actor.user) };
  }

  @Get('permissions')
  @ApiOperation({ summary: 'My effective permissions; repositories=admin lists only the repositories I administer (for menus and pickers)' })
  @ZodQuery(mySummaryQuerySchema)
  @ZodResponse(permissionSummarySchema)
  permissions(@CurrentActor() actor: Actor, @Query() query: { repositories?: 'all' | 'admin' }): Promise<PermissionSummary> {
    return this.summaries.summary(actor.user, { repositoriesAtLeast: query.repositories === 'admin' ? 'admin' : 'none' });
  }
}
