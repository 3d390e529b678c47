import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UsersAndGroups, hasLevel } from '@grove/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { likeEscape } from '../permissions/permission-grants.service';
import { PermissionsService } from '../permissions/permissions.service';
import { UserGroup } from '../user-groups/user-group.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';

const LIMIT = 500;

/** Finding users and user groups by name, for pickers. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async defaultUserId(): Promise<number> {
    return (await this.dataSource.manager.findOneOrFail(User, { where: { username: DEFAULT_USERNAME }, select: { id: true } })).id;
  }

  async search(actor: Actor, query: string, types: string[]): Promise<UsersAndGroups> {
    const like = `%${likeEscape(query.toLowerCase())}%`;
    const m = this.dataSource.manager;
    const users = types.includes('users')
      ? await m
          .createQueryBuilder(User, 'u')
          .where('u.active = :active', { active: true })
          .andWhere('u.username != :default', { default: DEFAULT_USERNAME })
          .andWhere("(LOWER(u.username) LIKE :like ESCAPE '\\' OR LOWER(u.firstname) LIKE :like ESCAPE '\\' OR LOWER(u.lastname) LIKE :like ESCAPE '\\')", { like })
          .orderBy('u.username', 'ASC')
          .take(LIMIT)
          .getMany()
      : [];
    let groups: UserGroup[] = [];
    if (types.includes('groups')) {
      const candidates = await m.createQueryBuilder(UserGroup, 'g').where("LOWER(g.name) LIKE :like ESCAPE '\\'", { like }).orderBy('g.name', 'ASC').getMany();
      const permissions = await this.permissions.compute(actor.user, { userGroups: candidates.map((g) => g.id) });
      groups = candidates.filter((g) => hasLevel(permissions.userGroups.get(g.id), 'read')).slice(0, LIMIT);
    }
    return {
      users: users.map((u) => ({ id: u.id, username: u.username, firstname: u.firstname, lastname: u.lastname })),
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
    };
  }
}
