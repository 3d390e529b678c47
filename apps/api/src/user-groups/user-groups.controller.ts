import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUserGroup,
  GrantUserGroupPermission,
  Page,
  PermissionEntries,
  RevokePermissionQuery,
  SetMembers,
  SubjectGlobalPermissions,
  UpdateUserGroup,
  UserGroupDto,
  UserGroupMember,
  createUserGroupSchema,
  deleteUserGroupQuerySchema,
  grantUserGroupPermissionSchema,
  pageOf,
  pageQuerySchema,
  permissionEntriesSchema,
  revokePermissionQuerySchema,
  setMembersSchema,
  subjectGlobalPermissionsSchema,
  updateUserGroupSchema,
  userGroupMemberSchema,
  userGroupSchema,
} from '@grove/shared';
import { z } from 'zod';
import { Actor, CurrentActor } from '../common/actor';
import { IdParam, RefParam } from '../common/openapi/params';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { UserGroupsService } from './user-groups.service';

const listQuerySchema = pageQuerySchema.extend({ admin: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

/** `:ref` is a user group's id or name. */
@ApiTags('user groups')
@Controller('api/v1/user-groups')
export class UserGroupsController {
  constructor(private readonly groups: UserGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'User groups the caller may read (admin=true: administer)' })
  @ZodQuery(listQuerySchema)
  @ZodResponse(pageOf(userGroupSchema))
  list(@CurrentActor() actor: Actor, @Query() query: { page: number; size: number; filter?: string; admin?: boolean }): Promise<Page<UserGroupDto>> {
    return this.groups.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user group (super-admins, or with hg.usergroup.create.true)' })
  @ZodBody(createUserGroupSchema)
  @ZodResponse(userGroupSchema)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateUserGroup): Promise<UserGroupDto> {
    const group = await this.groups.create(actor, body);
    return this.groups.get(actor, group.id);
  }

  @Get(':ref')
  @ZodResponse(userGroupSchema)
  get(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<UserGroupDto> {
    return this.groups.get(actor, ref);
  }

  @Patch(':ref')
  @ApiOperation({ summary: 'Name, description, active flag, owner (user-group admin)' })
  @ZodBody(updateUserGroupSchema)
  @ZodResponse(userGroupSchema)
  async update(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: UpdateUserGroup): Promise<UserGroupDto> {
    const group = await this.groups.update(actor, ref, body);
    return this.groups.get(actor, group.id);
  }

  @Delete(':ref')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete (refused while it holds repository permissions, unless force=true)' })
  @ZodQuery(deleteUserGroupQuerySchema)
  async remove(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { force?: boolean }): Promise<void> {
    await this.groups.delete(actor, ref, query.force ?? false);
  }

  @Get(':ref/members')
  @ZodResponse(z.object({ members: z.array(userGroupMemberSchema) }))
  async members(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<{ members: UserGroupMember[] }> {
    return { members: await this.groups.members(actor, ref) };
  }

  @Put(':ref/members')
  @ApiOperation({ summary: 'Replace the member list' })
  @ZodBody(setMembersSchema)
  @ZodResponse(z.object({ members: z.array(userGroupMemberSchema) }))
  async setMembers(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: SetMembers): Promise<{ members: UserGroupMember[] }> {
    return { members: await this.groups.setMembers(actor, ref, body.userIds) };
  }

  @Put(':ref/members/:userId')
  @HttpCode(204)
  async addMember(@CurrentActor() actor: Actor, @RefParam() ref: string, @IdParam('userId') userId: number): Promise<void> {
    await this.groups.addMember(actor, ref, userId);
  }

  @Delete(':ref/members/:userId')
  @HttpCode(204)
  async removeMember(@CurrentActor() actor: Actor, @RefParam() ref: string, @IdParam('userId') userId: number): Promise<void> {
    await this.groups.removeMember(actor, ref, userId);
  }

  @Get(':ref/permissions')
  @ApiOperation({ summary: 'Who may use or administer this group' })
  @ZodResponse(permissionEntriesSchema)
  async permissions(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<PermissionEntries> {
    return { entries: await this.groups.permissionEntries(actor, ref) };
  }

  @Post(':ref/permissions')
  @ZodBody(grantUserGroupPermissionSchema)
  @ZodResponse(permissionEntriesSchema)
  async grant(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: GrantUserGroupPermission): Promise<PermissionEntries> {
    await this.groups.setPermission(actor, ref, { type: body.subjectType, id: body.subjectId }, body.permission);
    return this.permissions(actor, ref);
  }

  @Delete(':ref/permissions')
  @ZodQuery(revokePermissionQuerySchema)
  @ZodResponse(permissionEntriesSchema)
  async revoke(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: RevokePermissionQuery): Promise<PermissionEntries> {
    await this.groups.setPermission(actor, ref, { type: query.subjectType, id: query.subjectId }, null);
    return this.permissions(actor, ref);
  }

  @Get(':ref/global-permissions')
  @ApiOperation({ summary: "The group's own global permissions (create repositories, create user groups, fork)" })
  @ZodResponse(subjectGlobalPermissionsSchema)
  globals(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<SubjectGlobalPermissions> {
    return this.groups.globalPermissions(actor, ref);
  }

  @Put(':ref/global-permissions')
  @ZodBody(subjectGlobalPermissionsSchema)
  @ZodResponse(subjectGlobalPermissionsSchema)
  setGlobals(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: SubjectGlobalPermissions): Promise<SubjectGlobalPermissions> {
    return this.groups.setGlobalPermissions(actor, ref, body);
  }
}
