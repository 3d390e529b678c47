import { Injectable } from '@nestjs/common';
import { PermissionSummaryService } from '../../permissions/permission-summary.service';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import { failure, JsonRpcError, messages } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';
import { ShapeLoader } from '../shape-loader';

const USER_FIELDS = [
  { name: 'password', kind: 'string', optional: true },
  { name: 'firstname', kind: 'string', optional: true },
  { name: 'lastname', kind: 'string', optional: true },
  { name: 'active', kind: 'bool', optional: true },
  { name: 'admin', kind: 'bool', optional: true },
  { name: 'extern_type', kind: 'string', optional: true },
  { name: 'extern_name', kind: 'string', optional: true },
] as const;

/** §7.2: `get_user`, `get_users`, `create_user`, `update_user`, `delete_user`. */
@Injectable()
export class UserMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly shapes: ShapeLoader,
    private readonly users: UsersService,
    private readonly summaries: PermissionSummaryService,
  ) {
    this.methods = [
      defineMethod({
        name: 'get_user',
        args: [{ name: 'userid', kind: 'id', optional: true }],
        access: 'user',
        call: async (context, args) => {
          const me = context.actor.user;
          // A non-admin may only ask about themselves — by id or, unlike Kallithea (§8 B8), by username.
          if (!me.admin && args.userid !== undefined && !isSelf(me, args.userid)) throw new JsonRpcError(messages.notYourUser);
          const user = args.userid === undefined ? me : await this.lookups.user(args.userid);
          const [shape, summary] = await Promise.all([this.shapes.userOf(user), this.summaries.summary(user)]);
          const byName = (rows: Array<{ name: string; permission: string }>) => Object.fromEntries(rows.map((r) => [r.name, r.permission]));
          return {
            ...shape,
            permissions: {
              global: summary.global,
              repositories: byName(summary.repositories),
              repositories_groups: byName(summary.repoGroups),
              user_groups: byName(summary.userGroups),
            },
          };
        },
      }),
      defineMethod({
        name: 'get_users',
        args: [],
        access: 'admin',
        call: async () => this.shapes.usersOf(await this.users.listAll()),
      }),
      defineMethod({
        name: 'create_user',
        args: [{ name: 'username', kind: 'string' }, { name: 'email', kind: 'string' }, ...USER_FIELDS],
        access: 'admin',
        call: async (context, args) => {
          let user: User;
          try {
            user = await this.users.create(
              {
                username: args.username,
                email: args.email,
                password: args.password ?? '',
                firstname: args.firstname ?? '',
                lastname: args.lastname ?? '',
                active: args.active ?? true,
                admin: args.admin ?? false,
                externType: args.extern_type ?? 'internal',
                externName: args.extern_name ?? '',
              },
              context.actor,
              'api',
            );
          } catch (error) {
            throw failure('create_user', error, { username: args.username, email: args.email });
          }
          return { msg: `created new user \`${args.username}\``, user: await this.shapes.userOf(user) };
        },
      }),
      defineMethod({
        name: 'update_user',
        args: [{ name: 'userid', kind: 'id' }, { name: 'username', kind: 'string', optional: true }, { name: 'email', kind: 'string', optional: true }, ...USER_FIELDS],
        access: 'admin',
        call: async (context, args) => {
          const target = await this.lookups.user(args.userid);
          if (target.isDefaultUser) throw new JsonRpcError(messages.editingDefaultUser);
          let user: User;
          try {
            user = await this.users.update(
              target.id,
              {
                username: args.username,
                email: args.email,
                password: args.password,
                firstname: args.firstname,
                lastname: args.lastname,
                active: args.active,
                admin: args.admin,
                externType: args.extern_type,
                externName: args.extern_name,
              },
              context.actor,
              'api',
            );
          } catch (error) {
            throw failure('update_user', error, { userid: args.userid });
          }
          return { msg: `updated user ID:${user.id} ${user.username}`, user: await this.shapes.userOf(user) };
        },
      }),
      defineMethod({
        name: 'delete_user',
        args: [{ name: 'userid', kind: 'id' }],
        access: 'admin',
        call: async (context, args) => {
          const user = await this.lookups.user(args.userid);
          try {
            await this.users.delete(user.id, context.actor);
          } catch (error) {
            throw failure('delete_user', error, { id: user.id, username: user.username });
          }
          return { msg: `deleted user ID:${user.id} ${user.username}`, user: null };
        },
      }),
    ];
  }
}

/** Whether `ref` names the caller: their numeric id, that id as digits, or their username. */
function isSelf(me: User, ref: number | string): boolean {
  return ref === me.id || ref === String(me.id) || ref === me.username;
}
