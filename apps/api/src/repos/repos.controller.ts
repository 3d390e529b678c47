import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BrowseResponse,
  CreateRepo,
  CreateRepoField,
  DeleteRepoQuery,
  ForkRepo,
  GrantRepositoryPermission,
  Page,
  PullRepo,
  PermissionEntries,
  RepoDetail,
  RevokePermissionQuery,
  UpdateRepo,
  browseQuerySchema,
  browseResponseSchema,
  createRepoFieldSchema,
  createRepoSchema,
  deleteRepoQuerySchema,
  forkRepoSchema,
  grantRepositoryPermissionSchema,
  pageOf,
  repoListItemSchema,
  repoListQuerySchema,
  resolvePathQuerySchema,
  resolvedPathSchema,
  ResolvedPath,
  RepoListItem,
  permissionEntriesSchema,
  pullRepoSchema,
  repoDetailSchema,
  revokePermissionQuerySchema,
  updateRepoSchema,
} from '@grove/shared';
import { AllowAnonymous } from '../auth/access.decorators';
import { Actor, CurrentActor } from '../common/actor';
import { RefParam } from '../common/openapi/params';
import { ZodBody, ZodQuery, ZodResponse } from '../common/openapi/zod-openapi';
import { RepoBrowseService } from './repo-browse.service';
import { PathResolverService } from './path-resolver.service';
import { ReposService } from './repos.service';

/** `:ref` is a repository's full name with `/` URL-encoded (`team%2Fhello`), or its permanent `_<id>`. */
@ApiTags('repositories')
@Controller('api/v1')
export class ReposController {
  constructor(
    private readonly browseService: RepoBrowseService,
    private readonly repos: ReposService,
    private readonly paths: PathResolverService,
  ) {}

  @AllowAnonymous()
  @Get('browse')
  @ApiOperation({ summary: 'Home page (no group) or a repository group page: the groups and repositories the viewer may read' })
  @ZodQuery(browseQuerySchema)
  @ZodResponse(browseResponseSchema)
  browse(@CurrentActor() actor: Actor, @Query() query: { group?: string; filter?: string; page: number; size: number }): Promise<BrowseResponse> {
    return this.browseService.browse(actor.user, query);
  }

  @AllowAnonymous()
  @Get('resolve')
  @ApiOperation({ summary: 'What a content URL path names: a repository (and the page within it), a repository group, or nothing' })
  @ZodQuery(resolvePathQuerySchema)
  @ZodResponse(resolvedPathSchema)
  resolve(@CurrentActor() actor: Actor, @Query() query: { path: string }): Promise<ResolvedPath> {
    return this.paths.resolve(actor, query.path);
  }

  @AllowAnonymous()
  @Get('repos')
  @ApiOperation({ summary: 'Repositories the caller may read (access=read) or administers (access=admin, the admin grid), by name, paginated' })
  @ZodQuery(repoListQuerySchema)
  @ZodResponse(pageOf(repoListItemSchema))
  list(@CurrentActor() actor: Actor, @Query() query: { page: number; size: number; filter?: string; access: 'read' | 'admin' }): Promise<Page<RepoListItem>> {
    return this.repos.list(actor, query);
  }

  @Post('repos')
  @ApiOperation({ summary: 'Create a repository (empty, or imported from cloneUri) at the top level or inside a group' })
  @ZodBody(createRepoSchema)
  @ZodResponse(repoDetailSchema)
  async create(@CurrentActor() actor: Actor, @Body() body: CreateRepo): Promise<RepoDetail> {
    const repo = await this.repos.create(actor, body);
    return this.repos.detail(actor, `_${repo.id}`);
  }

  @AllowAnonymous()
  @Get('repos/:ref')
  @ApiOperation({ summary: 'One repository (needs read)' })
  @ZodResponse(repoDetailSchema)
  detail(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<RepoDetail> {
    return this.repos.detail(actor, ref);
  }

  @Patch('repos/:ref')
  @ApiOperation({ summary: 'Update settings (admin); a new name moves the repository on disk' })
  @ZodBody(updateRepoSchema)
  @ZodResponse(repoDetailSchema)
  async update(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: UpdateRepo): Promise<RepoDetail> {
    const repo = await this.repos.update(actor, ref, body);
    return this.repos.detail(actor, `_${repo.id}`);
  }

  @Delete('repos/:ref')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete (admin): archived on disk as rm__<stamp>__<name>; forks=detach|delete when it has forks' })
  @ZodQuery(deleteRepoQuerySchema)
  async remove(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: DeleteRepoQuery): Promise<void> {
    await this.repos.delete(actor, ref, query);
  }

  @Post('repos/:ref/forks')
  @ApiOperation({ summary: 'Fork (read on the source, fork permission, create rights at the destination)' })
  @ZodBody(forkRepoSchema)
  @ZodResponse(repoDetailSchema)
  async fork(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: ForkRepo): Promise<RepoDetail> {
    const repo = await this.repos.fork(actor, ref, body);
    return this.repos.detail(actor, `_${repo.id}`);
  }

  @Put('repos/:ref/following')
  @HttpCode(204)
  @ApiOperation({ summary: 'Follow (watch) a repository' })
  async follow(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.repos.follow(actor, ref, true);
  }

  @Delete('repos/:ref/following')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop following a repository' })
  async unfollow(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.repos.follow(actor, ref, false);
  }

  @Put('repos/:ref/public-journal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add to the public journal (admin): the default user follows the repository' })
  async addToPublicJournal(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.repos.setPublicJournal(actor, ref, true);
  }

  @Delete('repos/:ref/public-journal')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove from the public journal (admin)' })
  async removeFromPublicJournal(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<void> {
    await this.repos.setPublicJournal(actor, ref, false);
  }

  @Post('repos/:ref/pull')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pull changes from the remote repository (admin): the stored remote URL, a given one, or the parent of a fork' })
  @ZodBody(pullRepoSchema)
  @ZodResponse(repoDetailSchema)
  async pull(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: PullRepo): Promise<RepoDetail> {
    const repo = await this.repos.pullFromRemote(actor, ref, body.cloneUri);
    return this.repos.detail(actor, `_${repo.id}`);
  }

  @Get('repos/:ref/permissions')
  @ApiOperation({ summary: 'Permission entries of a repository (admin)' })
  @ZodResponse(permissionEntriesSchema)
  async permissions(@CurrentActor() actor: Actor, @RefParam() ref: string): Promise<PermissionEntries> {
    return { entries: await this.repos.permissionEntries(actor, ref) };
  }

  @Post('repos/:ref/permissions')
  @ApiOperation({ summary: 'Grant a user or user group a permission (replaces its entry)' })
  @ZodBody(grantRepositoryPermissionSchema)
  @ZodResponse(permissionEntriesSchema)
  async grant(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: GrantRepositoryPermission): Promise<PermissionEntries> {
    await this.repos.grant(actor, ref, { type: body.subjectType, id: body.subjectId }, body.permission);
    return this.permissions(actor, ref);
  }

  @Delete('repos/:ref/permissions')
  @ApiOperation({ summary: "Revoke a user's or user group's entry (the default user's entry can only be set, not revoked)" })
  @ZodQuery(revokePermissionQuerySchema)
  @ZodResponse(permissionEntriesSchema)
  async revoke(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: RevokePermissionQuery): Promise<PermissionEntries> {
    await this.repos.revoke(actor, ref, { type: query.subjectType, id: query.subjectId });
    return this.permissions(actor, ref);
  }

  @Post('repos/:ref/fields')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add an extra field (when the site enables repository fields)' })
  @ZodBody(createRepoFieldSchema)
  async addField(@CurrentActor() actor: Actor, @RefParam() ref: string, @Body() body: Required<CreateRepoField>): Promise<void> {
    await this.repos.addField(actor, ref, body);
  }

  @Delete('repos/:ref/fields/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an extra field' })
  async deleteField(@CurrentActor() actor: Actor, @RefParam() ref: string, @Param('key') key: string): Promise<void> {
    await this.repos.deleteField(actor, ref, key);
  }
}
