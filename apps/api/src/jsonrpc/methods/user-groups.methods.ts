import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { UserGroup } from '../../user-groups/user-group.entity';
import { UserGroupsService } from '../../user-groups/user-groups.service';
import { failure } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';
import { ShapeLoader } from '../shape-loader';

const asOwner = (owner: number | string | undefined) => (owner === undefined ? undefined : String(owner));

/**
 * §7.3: user groups. Object checks hide (a group the caller may not use "does not exist");
 * creating one needs `hg.admin` or `hg.usergroup.create.true` (the gate, checked by the service).
 */
@Injectable()
export class UserGroupMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly shapes: ShapeLoader,
    private readonly groups: UserGroupsService,
  ) {
    this.methods = [
      defineMethod({
        name: 'get_user_group',
        args: [{ name: 'usergroupid', kind: 'id' }],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'read');
          return this.shapes.userGroupOf(group);
        },
      }),
      defineMethod({
        name: 'get_user_groups',
        args: [],
        access: 'user',
        call: async (context) => this.shapes.userGroupsOf(await this.groups.readable(context.actor)),
      }),
      defineMethod({
        name: 'create_user_group',
        args: [
          { name: 'group_name', kind: 'string' },
          { name: 'description', kind: 'string', optional: true },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'active', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          let group: UserGroup;
          try {
            group = await this.groups.create(
              context.actor,
              { name: args.group_name, description: args.description ?? '', owner: asOwner(args.owner), active: args.active ?? true },
              'api',
            );
          } catch (error) {
            throw failure('create_user_group', error, { groupName: args.group_name });
          }
          return { msg: `created new user group \`${args.group_name}\``, user_group: await this.shapes.userGroupOf(group) };
        },
      }),
      defineMethod({
        name: 'update_user_group',
        args: [
          { name: 'usergroupid', kind: 'id' },
          { name: 'group_name', kind: 'string', optional: true },
          { name: 'description', kind: 'string', optional: true },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'active', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'admin');
          let updated: UserGroup;
          try {
            updated = await this.groups.update(
              context.actor,
              group.id,
              { name: args.group_name, description: args.description, owner: asOwner(args.owner), active: args.active },
              'api',
            );
          } catch (error) {
            throw failure('update_user_group', error, { usergroupid: args.usergroupid });
          }
          return { msg: `updated user group ID:${updated.id} ${updated.name}`, user_group: await this.shapes.userGroupOf(updated) };
        },
      }),
      defineMethod({
        name: 'delete_user_group',
        args: [{ name: 'usergroupid', kind: 'id' }],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'admin');
          try {
            await this.groups.delete(context.actor, group.id);
          } catch (error) {
            throw failure('delete_user_group', error, { id: group.id, name: group.name });
          }
          return { msg: `deleted user group ID:${group.id} ${group.name}`, user_group: null };
        },
      }),
      defineMethod({
        name: 'add_user_to_user_group',
        args: [
          { name: 'usergroupid', kind: 'id' },
          { name: 'userid', kind: 'id' },
        ],
        access: 'user',
        call: async (context, args) => {
          const user = await this.lookups.user(args.userid);
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'admin');
          let added: boolean;
          try {
            added = await this.groups.addMember(context.actor, group.id, user.id);
          } catch (error) {
            throw failure('add_user_to_user_group', error, { groupName: group.name });
          }
          return added
            ? { success: true, msg: `added member \`${user.username}\` to user group \`${group.name}\`` }
            : { success: false, msg: 'User is already in that group' };
        },
      }),
      defineMethod({
        name: 'remove_user_from_user_group',
        args: [
          { name: 'usergroupid', kind: 'id' },
          { name: 'userid', kind: 'id' },
        ],
        access: 'user',
        call: async (context, args) => {
          const user = await this.lookups.user(args.userid);
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'admin');
          try {
            await this.groups.removeMember(context.actor, group.id, user.id);
          } catch (error) {
            if (error instanceof DomainError && error.reason?.kind === 'not-member') return { success: false, msg: "User wasn't in group" };
            throw failure('remove_user_from_user_group', error, { groupName: group.name });
          }
          return { success: true, msg: `removed member \`${user.username}\` from user group \`${group.name}\`` };
        },
      }),
    ];
  }
}
