import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DefaultPermissions,
  RepoScanResult,
  SiteSettings,
  UpdateDefaultPermissions,
  UpdateSiteSettings,
  UserIpDto,
  UsersAndGroups,
  addIpSchema,
  defaultPermissionsSchema,
  repoScanRequestSchema,
  repoScanResultSchema,
  siteSettingsSchema,
  updateDefaultPermissionsSchema,
  updateSiteSettingsSchema,
  userIpSchema,
  usersAndGroupsQuerySchema,
  usersAndGroupsSchema,
} from '@grove/shared';
import { z } from 'zod';
import { SuperAdminOnly } from '../auth/access.decorators';
import { Actor, CurrentActor } from '../common/actor';
import { IdParam } from '../common/openapi/params';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { DefaultPermissionsService } from '../permissions/default-permissions.service';
import { RepoScanService } from '../repos/repo-scan.service';
import { SettingsService } from '../settings/settings.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { DirectoryService } from './directory.service';

@ApiTags('administration')
@Controller('api/v1')
export class AdminController {
  constructor(
    private readonly defaults: DefaultPermissionsService,
    private readonly scans: RepoScanService,
    private readonly settings: SettingsService,
    private readonly credentials: UserCredentialsService,
    private readonly directory: DirectoryService,
  ) {}

  @SuperAdminOnly()
  @Get('admin/default-permissions')
  @ApiOperation({ summary: 'The default permissions form: anonymous access and the default user global permissions' })
  @ZodResponse(defaultPermissionsSchema)
  getDefaults(): Promise<DefaultPermissions> {
    return this.defaults.get();
  }

  @SuperAdminOnly()
  @Put('admin/default-permissions')
  @ZodBody(updateDefaultPermissionsSchema)
  @ZodResponse(defaultPermissionsSchema)
  setDefaults(@CurrentActor() actor: Actor, @Body() body: UpdateDefaultPermissions): Promise<DefaultPermissions> {
    return this.defaults.update(actor, body);
  }

  @SuperAdminOnly()
  @Get('admin/ip-allowlist')
  @ApiOperation({ summary: 'The global IP allow-list (the default user entries; applies to everybody)' })
  @ZodResponse(z.object({ ips: z.array(userIpSchema) }))
  async globalIps(): Promise<{ ips: UserIpDto[] }> {
    return { ips: await this.credentials.ips(await this.directory.defaultUserId()) };
  }

  @SuperAdminOnly()
  @Post('admin/ip-allowlist')
  @ZodBody(addIpSchema)
  @ZodResponse(userIpSchema)
  async addGlobalIp(@Body() body: { ipAddr: string }): Promise<UserIpDto> {
    return this.credentials.addIp(await this.directory.defaultUserId(), body.ipAddr);
  }

  @SuperAdminOnly()
  @Delete('admin/ip-allowlist/:ipId')
  @HttpCode(204)
  async deleteGlobalIp(@IdParam('ipId') ipId: number): Promise<void> {
    await this.credentials.deleteIp(await this.directory.defaultUserId(), ipId);
  }

  @SuperAdminOnly()
  @Post('admin/repo-scan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import repositories found on disk (creating their groups); optionally forget entries whose directories are gone' })
  @ZodBody(repoScanRequestSchema)
  @ZodResponse(repoScanResultSchema)
  scan(@CurrentActor() actor: Actor, @Body() body: { removeObsolete: boolean }): Promise<RepoScanResult> {
    return this.scans.scan(actor, body);
  }

  @SuperAdminOnly()
  @Get('admin/settings')
  @ZodResponse(siteSettingsSchema)
  getSettings(): Promise<SiteSettings> {
    return this.settings.siteSettings();
  }

  @SuperAdminOnly()
  @Patch('admin/settings')
  @ZodBody(updateSiteSettingsSchema)
  @ZodResponse(siteSettingsSchema)
  setSettings(@Body() body: UpdateSiteSettings): Promise<SiteSettings> {
    return this.settings.updateSiteSettings(body);
  }

  @Get('users-and-groups')
  @ApiOperation({ summary: 'Autocomplete: active users (never the default user) and user groups the caller may read' })
  @ZodQuery(usersAndGroupsQuerySchema)
  @ZodResponse(usersAndGroupsSchema)
  usersAndGroups(@CurrentActor() actor: Actor, @Query() query: { query: string; types: string }): Promise<UsersAndGroups> {
    return this.directory.search(actor, query.query, query.types.split(','));
  }
}
