import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { followersResponseSchema, forksResponseSchema, hasLevel, listPageQuerySchema, type FollowersResponse, type ForksResponse } from '@grove/shared';
import { DataSource, In } from 'typeorm';
import { AllowAnonymous } from '../../auth/access.decorators';
import { Actor, CurrentActor } from '../../common/actor';
import { RefParam } from '../../common/openapi/params';
import { ZodQuery, ZodResponse } from '../../common/openapi/zod-openapi';
import { PermissionsService } from '../../permissions/permissions.service';
import { Repository } from '../../repos/repository.entity';
import { UserFollowing } from '../../users/user-following.entity';
import { User } from '../../users/user.entity';
import { AvatarsService } from '../avatars.service';
import { RepoContextService } from '../repo-context.service';

/** Forks and followers lists (§2.6): 20 per page; forks only those the viewer may read; followers oldest first. */
@ApiTags('browse')
@AllowAnonymous()
@Controller('api/v1/repos/:ref')
export class SocialController {
  constructor(
    private readonly context: RepoContextService,
    private readonly permissions: PermissionsService,
    private readonly avatars: AvatarsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** E-mail addresses (for avatars) only for signed-in viewers; anonymous visitors get ''. */
  private emailFor(actor: Actor, email: string | null | undefined): string {
    return actor.user.isDefaultUser ? '' : (email ?? '');
  }

  @Get('forks')
  @ApiOperation({ summary: 'Forks of the repository the viewer may read, newest first' })
  @ZodQuery(listPageQuerySchema)
  @ZodResponse(forksResponseSchema)
  async forks(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { page: number; size: number }): Promise<ForksResponse> {
    const { repo } = await this.context.open(actor, ref);
    const m = this.dataSource.manager;
    const all = await m.find(Repository, { where: { forkId: repo.id }, order: { createdOn: 'DESC', id: 'DESC' } });
    const permissions = await this.permissions.compute(actor.user, { repositories: all.map((r) => r.id) });
    const readable = all.filter((r) => hasLevel(permissions.repositories.get(r.id), 'read'));
    const page = readable.slice((query.page - 1) * query.size, query.page * query.size);
    const owners = page.length ? await m.find(User, { where: { id: In([...new Set(page.map((r) => r.ownerId))]) } }) : [];
    const ownerOf = new Map(owners.map((u) => [u.id, u]));
    const avatar = await this.avatars.resolver();
    return {
      items: page.map((r) => {
        const o = ownerOf.get(r.ownerId);
        return {
          id: r.id,
          name: r.name,
          description: r.description,
          owner: { username: o?.username ?? '', firstName: o?.firstname ?? '', lastName: o?.lastname ?? '', email: this.emailFor(actor, o?.email), avatarUrl: avatar(o?.email) },
          createdOn: r.createdOn.toISOString(),
        };
      }),
      total: readable.length,
      page: query.page,
      size: query.size,
    };
  }

  @Get('followers')
  @ApiOperation({ summary: 'Users following the repository, oldest first' })
  @ZodQuery(listPageQuerySchema)
  @ZodResponse(followersResponseSchema)
  async followers(@CurrentActor() actor: Actor, @RefParam() ref: string, @Query() query: { page: number; size: number }): Promise<FollowersResponse> {
    const { repo } = await this.context.open(actor, ref);
    const m = this.dataSource.manager;
    const [rows, total] = await m.findAndCount(UserFollowing, {
      where: { followsRepositoryId: repo.id },
      order: { followsFrom: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.size,
      take: query.size,
    });
    const users = rows.length ? await m.find(User, { where: { id: In(rows.map((r) => r.userId)) } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const avatar = await this.avatars.resolver();
    return {
      items: rows.flatMap((r) => {
        const u = byId.get(r.userId);
        return u ? [{ username: u.username, firstName: u.firstname, lastName: u.lastname, email: this.emailFor(actor, u.email), avatarUrl: avatar(u.email), since: r.followsFrom.toISOString() }] : [];
      }),
      total,
      page: query.page,
      size: query.size,
    };
  }
}
