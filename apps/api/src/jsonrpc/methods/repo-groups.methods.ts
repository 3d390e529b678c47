import { Injectable } from '@nestjs/common';
import { joinFullName, splitFullName, validateNameSegment } from '@grove/shared';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { RepoGroup } from '../../repo-groups/repo-group.entity';
import { RepoGroupsService } from '../../repo-groups/repo-groups.service';
import { failure } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';
import { ShapeLoader } from '../shape-loader';

const asOwner = (owner: number | string | undefined) => (owner === undefined ? undefined : String(owner));

/** §7.4: repository groups (all super-admin only). */
@Injectable()
export class RepoGroupMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly shapes: ShapeLoader,
    private readonly groups: RepoGroupsService,
  ) {
    this.methods = [
      defineMethod({
        name: 'get_repo_group',
        args: [{ name: 'repogroupid', kind: 'id' }],
        access: 'admin',
        call: async (_context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          const [shape, members] = await Promise.all([this.shapes.repoGroupOf(group), this.shapes.membersOf('repoGroup', group.id)]);
          return { ...shape, members };
        },
      }),
      defineMethod({
        name: 'get_repo_groups',
        args: [],
        access: 'admin',
        call: async (context) => this.shapes.repoGroupsOf(await this.groups.withLevel(context.actor, 'read')),
      }),
      defineMethod({
        name: 'create_repo_group',
        args: [
          { name: 'group_name', kind: 'string' },
          { name: 'description', kind: 'string', optional: true },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'parent', kind: 'id', optional: true },
          { name: 'copy_permissions', kind: 'bool', optional: true },
        ],
        access: 'admin',
        call: async (context, args) => {
          const parent = args.parent === undefined ? null : await this.lookups.repoGroup(args.parent);
          let group: RepoGroup;
          try {
            // group_name is one segment: a `/` in it is refused, not read as nesting (§7.4).
            const segment = validateNameSegment(args.group_name, 'repoGroup');
            if (!segment.valid) throw new DomainError(ErrorCode.Validation, segment.message);
            group = await this.groups.create(
              context.actor,
              {
                name: joinFullName(parent?.name ?? null, args.group_name),
                description: args.description || args.group_name,
                owner: asOwner(args.owner),
                copyPermissions: !!parent && (args.copy_permissions ?? false),
              },
              'api',
            );
          } catch (error) {
            throw failure('create_repo_group', error, { groupName: args.group_name });
          }
          return { msg: `created new repo group \`${args.group_name}\``, repo_group: await this.shapes.repoGroupOf(group) };
        },
      }),
      defineMethod({
        name: 'update_repo_group',
        args: [
          { name: 'repogroupid', kind: 'id' },
          { name: 'group_name', kind: 'string', optional: true },
          { name: 'description', kind: 'string', optional: true },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'parent', kind: 'id', optional: true, nullable: true },
        ],
        access: 'admin',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          // Grove applies `parent` (null: the top level) and `owner`, which Kallithea ignores (§8 B4).
          const parent = args.parent === undefined || args.parent === null ? null : await this.lookups.repoGroup(args.parent);
          const current = splitFullName(group.name);
          const parentPath = args.parent === undefined ? current.parentPath : (parent?.name ?? null);
          let updated: RepoGroup;
          try {
            if (args.group_name !== undefined) {
              const segment = validateNameSegment(args.group_name, 'repoGroup');
              if (!segment.valid) throw new DomainError(ErrorCode.Validation, segment.message);
            }
            const name = joinFullName(parentPath, args.group_name ?? current.lastSegment);
            updated = await this.groups.update(
              context.actor,
              group.id,
              { ...(name !== group.name && { name }), description: args.description, owner: asOwner(args.owner) },
              'api',
            );
          } catch (error) {
            throw failure('update_repo_group', error, { repogroupid: args.repogroupid });
          }
          return { msg: `updated repository group ID:${updated.id} ${updated.name}`, repo_group: await this.shapes.repoGroupOf(updated) };
        },
      }),
      defineMethod({
        name: 'delete_repo_group',
        args: [{ name: 'repogroupid', kind: 'id' }],
        access: 'admin',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          try {
            // Refused while it still holds repositories or groups (Grove, §8 B5).
            await this.groups.delete(context.actor, group.id);
          } catch (error) {
            throw failure('delete_repo_group', error, { id: group.id, name: group.name });
          }
          return { msg: `deleted repo group ID:${group.id} ${group.name}`, repo_group: null };
        },
      }),
    ];
  }
}
