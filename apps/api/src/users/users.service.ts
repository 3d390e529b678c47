import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  Channel,
  CreateUserRequest,
  CreateUserViaApi,
  Page,
  SubjectGlobalPermissions,
  UpdateUserRequest,
  UpdateUserViaApi,
  UserSummary,
  createUserRequestSchema,
  createUserViaApiSchema,
  updateUserViaApiSchema,
} from '@grove/shared';
import { DataSource, In, Repository } from 'typeorm';
import { hashPassword } from '../auth/password-hasher';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { JournalService } from '../journal/journal.service';
import { PermissionGrantsService } from '../permissions/permission-grants.service';
import { setSubjectGlobals, toSubjectGlobals } from '../permissions/subject-globals';
import { generateApiKey } from './api-key';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { Repository as RepositoryEntity } from '../repos/repository.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { AuthorizedKeysFileService } from './authorized-keys-file.service';
import { UserEmail } from './user-email.entity';
import { DEFAULT_USERNAME, User } from './user.entity';

export interface Actor {
  user: { id: number; username: string };
  ip: string;
}

/** User accounts: listing, creation with an API key, profile and status changes. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly journal: JournalService,
    private readonly grants: PermissionGrantsService,
    private readonly authorizedKeys: AuthorizedKeysFileService,
  ) {}

  /** Real users (never the default user), filtered on username/name/e-mail, by username. */
  async list(query: { page: number; size: number; filter?: string }): Promise<Page<UserSummary>> {
    const qb = this.users.createQueryBuilder('u').where('u.username != :default', { default: DEFAULT_USERNAME });
    if (query.filter) {
      const like = `%${query.filter.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      qb.andWhere(
        "(LOWER(u.username) LIKE :like ESCAPE '\\' OR LOWER(u.firstname) LIKE :like ESCAPE '\\' OR LOWER(u.lastname) LIKE :like ESCAPE '\\' OR LOWER(u.email) LIKE :like ESCAPE '\\')",
        { like },
      );
    }
    const [rows, total] = await qb
      .orderBy('LOWER(u.username)', 'ASC')
      .skip((query.page - 1) * query.size)
      .take(query.size)
      .getManyAndCount();
    return { items: rows.map(toUserSummary), total, page: query.page, size: query.size };
  }

  /** Every real user (never the default user), ordered by username. */
  async listAll(): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .where('u.username != :default', { default: DEFAULT_USERNAME })
      .orderBy('LOWER(u.username)', 'ASC')
      .addOrderBy('u.username', 'ASC')
      .getMany();
  }

  /**
   * A user by id (a number or a string of digits) or else by exact username, the default user
   * included (the JSON-RPC lookup rule, jsonrpc-api.md §3); null when there is none.
   */
  async findByIdOrName(ref: number | string): Promise<User | null> {
    if (typeof ref === 'number') return Number.isSafeInteger(ref) ? this.users.findOne({ where: { id: ref } }) : null;
    if (/^\d+$/.test(ref)) return /^\d{1,15}$/.test(ref) ? this.users.findOne({ where: { id: Number(ref) } }) : null;
    return this.users.findOne({ where: { username: ref } });
  }

  /** Users by id in one query (the default user included). No permission check. */
  async byIds(ids: readonly number[]): Promise<Map<number, User>> {
    const out = new Map<number, User>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 900) {
      for (const user of await this.users.find({ where: { id: In(unique.slice(i, i + 900)) } })) out.set(user.id, user);
    }
    return out;
  }

  async get(id: number): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user || user.isDefaultUser) throw notFound(`User ${id} not found`);
    return user;
  }

  /**
   * Creates a user with its own API key (as Kallithea does for every user). The API channel takes
   * Kallithea's arguments: any password (`''` = none) and the external identity.
   */
  async create(input: CreateUserRequest, actor: Actor): Promise<User>;
  async create(input: CreateUserViaApi, actor: Actor, channel: 'api'): Promise<User>;
  async create(input: CreateUserRequest | CreateUserViaApi, actor: Actor, channel: Channel = 'web'): Promise<User> {
    const data =
      channel === 'api' ? createUserViaApiSchema.parse(input) : { ...createUserRequestSchema.parse(input), externType: 'internal', externName: '' };
    return this.dataSource.transaction(async (manager) => {
      await this.assertUnique(manager.getRepository(User), manager.getRepository(UserEmail), data.username, data.email);
      const user = await manager.save(
        manager.create(User, {
          username: data.username,
          password: data.password === '' ? '' : await hashPassword(data.password),
          email: data.email,
          firstname: data.firstname,
          lastname: data.lastname,
          active: data.active,
          admin: data.admin,
          apiKey: generateApiKey(),
          externType: data.externType,
          externName: data.externName || null,
          createdOn: new Date(),
        }),
      );
      await this.journal.record({ user: actor.user, action: 'admin_created_user', parameter: user.username, ip: actor.ip }, manager);
      return user;
    });
  }

  /** Changes the fields sent; the API channel also takes `password: ''` (no password) and the external identity. */
  async update(id: number, input: UpdateUserRequest, actor: Actor): Promise<User>;
  async update(id: number, input: UpdateUserViaApi, actor: Actor, channel: 'api'): Promise<User>;
  async update(id: number, raw: UpdateUserRequest | UpdateUserViaApi, actor: Actor, channel: Channel = 'web'): Promise<User> {
    const input: UpdateUserViaApi = channel === 'api' ? updateUserViaApiSchema.parse(raw) : raw;
    const updated = await this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const user = await users.findOne({ where: { id } });
      if (!user || user.isDefaultUser) throw notFound(`User ${id} not found`);
      if (input.username !== undefined && input.username.toLowerCase() !== user.username.toLowerCase()) {
        await this.assertUnique(users, manager.getRepository(UserEmail), input.username, undefined);
      }
      if (input.email !== undefined && input.email !== user.email) {
        await this.assertUnique(users, manager.getRepository(UserEmail), undefined, input.email);
      }
      if (actor.user.id === id && (input.active === false || input.admin === false)) {
        throw new DomainError(ErrorCode.Conflict, 'You cannot deactivate yourself or remove your own admin rights');
      }
      Object.assign(user, {
        ...(input.username !== undefined && { username: input.username }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.firstname !== undefined && { firstname: input.firstname }),
        ...(input.lastname !== undefined && { lastname: input.lastname }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.admin !== undefined && { admin: input.admin }),
        ...(input.externType !== undefined && { externType: input.externType }),
        ...(input.externName !== undefined && { externName: input.externName || null }),
      });
      if (input.password !== undefined) user.password = input.password === '' ? '' : await hashPassword(input.password);
      await users.save(user);
      await this.journal.record({ user: actor.user, action: 'admin_updated_user', parameter: user.username, ip: actor.ip }, manager);
      return user;
    });
    // an inactive user's SSH keys leave authorized_keys (and come back on reactivation)
    if (input.active !== undefined) await this.authorizedKeys.refresh();
    return updated;
  }

  /**
   * Deletes a user (data-model.md §6). Refused while they own repositories, repository groups or
   * user groups, unless `reassignTo` names the user who takes them over. Journal rows keep the name.
   */
  async delete(id: number, actor: Actor, reassignTo?: string): Promise<void> {
    if (id === actor.user.id) throw new DomainError(ErrorCode.Conflict, 'You cannot delete your own account');
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id } });
      if (!user || user.isDefaultUser) throw notFound(`User ${id} not found`);
      const owned = {
        repositories: await m.count(RepositoryEntity, { where: { ownerId: id } }),
        repoGroups: await m.count(RepoGroup, { where: { ownerId: id } }),
        userGroups: await m.count(UserGroup, { where: { ownerId: id } }),
      };
      if (owned.repositories + owned.repoGroups + owned.userGroups > 0) {
        if (!reassignTo) {
          throw new DomainError(
            ErrorCode.Conflict,
            `User ${user.username} owns ${owned.repositories} repositories, ${owned.repoGroups} repository groups and ${owned.userGroups} user groups; reassign them to another user first`,
          );
        }
        const heir = await m.findOne(User, { where: { username: reassignTo } });
        if (!heir || heir.isDefaultUser || heir.id === id) throw new DomainError(ErrorCode.Validation, `Cannot reassign to ${reassignTo}`, { field: 'reassignTo' });
        await m.update(RepositoryEntity, { ownerId: id }, { ownerId: heir.id });
        await m.update(RepoGroup, { ownerId: id }, { ownerId: heir.id });
        await m.update(UserGroup, { ownerId: id }, { ownerId: heir.id });
      }
      await this.journal.record({ user: actor.user, action: 'admin_deleted_user', parameter: user.username, ip: actor.ip }, m);
      await m.delete(User, { id });
    });
    await this.authorizedKeys.refresh();
  }

  async globalPermissions(id: number): Promise<SubjectGlobalPermissions> {
    return toSubjectGlobals(await this.grants.globalEntries({ type: 'user', id: (await this.get(id)).id }));
  }

  async setGlobalPermissions(id: number, values: SubjectGlobalPermissions): Promise<SubjectGlobalPermissions> {
    const user = await this.get(id);
    await this.dataSource.transaction((m) => setSubjectGlobals(this.grants, m, { type: 'user', id: user.id }, values));
    return values;
  }

  private async assertUnique(users: Repository<User>, emails: Repository<UserEmail>, username?: string, email?: string) {
    if (username !== undefined) {
      const clash = await users.createQueryBuilder('u').where('LOWER(u.username) = :name', { name: username.toLowerCase() }).getCount();
      if (clash) throw new DomainError(ErrorCode.Conflict, `Username "${username}" is already taken`, { field: 'username' }, { kind: 'name-taken', object: 'user' });
    }
    if (email !== undefined) {
      const clash = (await users.count({ where: { email } })) + (await emails.count({ where: { email } }));
      if (clash) throw new DomainError(ErrorCode.Conflict, `E-mail address ${email} is already in use`, { field: 'email' }, { kind: 'name-taken', object: 'email' });
    }
  }
}

export function toUserSummary(user: User): UserSummary {
  return {
    id: user.id,
    username: user.username,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    active: user.active,
    admin: user.admin,
    externType: user.externType,
    lastLogin: user.lastLogin ? user.lastLogin.toISOString() : null,
    createdOn: user.createdOn.toISOString(),
  };
}
