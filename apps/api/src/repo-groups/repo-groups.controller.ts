import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateRepoGroup,
  GrantRepoGroupPermission,
  Page,
  PermissionEntries,
  RepoGroupDto,
  RevokePermissionQuery,
  UpdateRepoGroup,
  createRepoGroupSchema,
  grantRepoGroupPermissionSchema,
  pageOf,
  pageQuerySchema,
  permissionEntriesSchema,
  repoGroupSchema,
  revokePermissionQuerySchema,
  updateRepoGroupSchema,
} from '@grove/shared';
import { AllowAnonymous } from '../auth/access.decorators';
import { Actor, CurrentActor } from '../common/actor';
import { RefParam } from '../common/openapi/params';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { RepoGroupsService } from './repo-groups.service';

/** `:ref` is a group's id or its full name with `/` URL-encoded. */
@ApiTags('repository groups')
@Controller('api/v1/repo-groups')
export class RepoGroupsController {
  constructor(private readonly groups: RepoGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Repository groups the caller administers (admin grid)' })
  @ZodQuery(pageQuerySchema)
  @ZodResponse(pageOf(repoGroupSchema))
  list(@CurrentActor() actor: Actor, @Query() query: { page: number; size: number; filter?: string }): Promise<Page<RepoGroupDto>> {
    return this.groups.listAdministered(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a group (top level: super-admins; inside G: admins of G)' })
  @ZodBody(createRepoGroupSchema)
  @ZodResponse(repoGroupSchema)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateRepoGroup): Promise<RepoGroupDto> {
    const group = await this.groups.create(actor, body);
    return this.groups.get(actor, group.id);
  }

  @AllowAnonymous()
  @Get(':ref')
  @ApiOperation({ summary: 'One group (needs read)' })
  @ZodResponse(repoGroupSchema)
  get(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<RepoGroupDto> {
    return this.groups.get(actor, ref);
  }

  @Patch(':ref')
  @ApiOperation({ summary: 'Rename/move (with everything inside), description, owner (group admin)' })
  @ZodBody(updateRepoGroupSchema)
  @ZodResponse(repoGroupSchema)
  async update(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: UpdateRepoGroup): Promise<RepoGroupDto> {
    const group = await this.groups.update(actor, ref, body);
    return this.groups.get(actor, group.id);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty group (group admin)' })
  async remove(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.groups.delete(actor, ref);
  }

  @Get(':ref/permissions')
  @ApiOperation({ summary: 'Permission entries of a group (group admin)' })
  @ZodResponse(permissionEntriesSchema)
  async permissions(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<PermissionEntries> {
    return { entries: await this.groups.permissionEntries(actor, ref) };
  }

  @Post(':ref/permissions')
  @ApiOperation({ summary: 'Grant, optionally applied to sub-groups and/or repositories (recursive: none/repos/groups/all)' })
  @ZodBody(grantRepoGroupPermissionSchema)
  @ZodResponse(permissionEntriesSchema)
  async grant(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: Required<GrantRepoGroupPermission>): Promise<PermissionEntries> {
    await this.groups.setPermission(actor, ref, { type: body.subjectType, id: body.subjectId }, body.permission, body.recursive);
    return this.permissions(actor, ref);
  }

  @Delete(':ref/permissions')
  @ApiOperation({ summary: 'Revoke, optionally on sub-groups and/or repositories too' })
  @ZodQuery(revokePermissionQuerySchema)
  @ZodResponse(permissionEntriesSchema)
  async revoke(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: RevokePermissionQuery): Promise<PermissionEntries> {
    await this.groups.setPermission(actor, ref, { type: query.subjectType, id: query.subjectId }, null, query.recursive);
    return this.permissions(actor, ref);
  }
}
