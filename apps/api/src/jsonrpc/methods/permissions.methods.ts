import { Injectable } from '@nestjs/common';
import { RepoGroupPermission, RepositoryPermission, parseRecursionMode } from '@grove/shared';
import { RepoGroupsService } from '../../repo-groups/repo-groups.service';
import { ReposService } from '../../repos/repos.service';
import { failure } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';

const lastSegment = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/**
 * §7.6: grants and revocations on repositories and repository groups. Lookups and checks run in
 * Kallithea's order per method; the services apply the rules (user grants on repositories are
 * super-admin only over the API, permissions.md §14 #23; recursion of §9).
 */
@Injectable()
export class PermissionMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly repos: ReposService,
    private readonly repoGroups: RepoGroupsService,
  ) {
    this.methods = [
      defineMethod({
        name: 'grant_user_permission',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'userid', kind: 'id' },
          { name: 'perm', kind: 'string' },
        ],
        access: 'admin',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          const user = await this.lookups.user(args.userid);
          const perm = this.lookups.permission(args.perm, 'repository.') as RepositoryPermission;
          try {
            await this.repos.grant(context.actor, `_${repo.id}`, { type: 'user', id: user.id }, perm, 'api');
          } catch (error) {
            throw failure('grant_user_permission', error, { userid: args.userid, repoid: args.repoid });
          }
          return { msg: `Granted perm: \`${perm}\` for user: \`${user.username}\` in repo: \`${repo.name}\``, success: true };
        },
      }),
      defineMethod({
        name: 'revoke_user_permission',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'userid', kind: 'id' },
        ],
        access: 'admin',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          const user = await this.lookups.user(args.userid);
          try {
            await this.repos.revoke(context.actor, `_${repo.id}`, { type: 'user', id: user.id }, 'api');
          } catch (error) {
            throw failure('revoke_user_permission', error, { userid: args.userid, repoid: args.repoid });
          }
          return { msg: `Revoked perm for user: \`${user.username}\` in repo: \`${repo.name}\``, success: true };
        },
      }),
      defineMethod({
        name: 'grant_user_group_permission',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'usergroupid', kind: 'id' },
          { name: 'perm', kind: 'string' },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          const perm = this.lookups.permission(args.perm, 'repository.') as RepositoryPermission;
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'admin');
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'read');
          try {
            await this.repos.grant(context.actor, `_${repo.id}`, { type: 'user_group', id: group.id }, perm, 'api');
          } catch (error) {
            throw failure('grant_user_group_permission', error, { usergroupid: args.usergroupid, repoName: repo.name });
          }
          return { msg: `Granted perm: \`${perm}\` for user group: \`${group.name}\` in repo: \`${repo.name}\``, success: true };
        },
      }),
      defineMethod({
        name: 'revoke_user_group_permission',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'usergroupid', kind: 'id' },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          const group = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'admin');
          await this.lookups.requireUserGroup(context, group, args.usergroupid, 'read');
          try {
            await this.repos.revoke(context.actor, `_${repo.id}`, { type: 'user_group', id: group.id }, 'api');
          } catch (error) {
            throw failure('revoke_user_group_permission', error, { groupName: group.name, repoName: repo.name });
          }
          return { msg: `Revoked perm for user group: \`${group.name}\` in repo: \`${repo.name}\``, success: true };
        },
      }),
      defineMethod({
        name: 'grant_user_permission_to_repo_group',
        args: [
          { name: 'repogroupid', kind: 'id' },
          { name: 'userid', kind: 'id' },
          { name: 'perm', kind: 'string' },
          { name: 'apply_to_children', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          await this.lookups.requireRepoGroup(context, group, args.repogroupid, 'admin');
          const user = await this.lookups.user(args.userid);
          const perm = this.lookups.permission(args.perm, 'group.') as RepoGroupPermission;
          const recursive = args.apply_to_children ?? 'none';
          try {
            await this.repoGroups.setPermission(context.actor, group.id, { type: 'user', id: user.id }, perm, parseRecursionMode(recursive), 'api');
          } catch (error) {
            throw failure('grant_user_permission_to_repo_group', error, { userid: args.userid, groupSegment: lastSegment(group.name) });
          }
          return {
            msg: `Granted perm: \`${perm}\` (recursive:${recursive}) for user: \`${user.username}\` in repo group: \`${lastSegment(group.name)}\``,
            success: true,
          };
        },
      }),
      defineMethod({
        name: 'revoke_user_permission_from_repo_group',
        args: [
          { name: 'repogroupid', kind: 'id' },
          { name: 'userid', kind: 'id' },
          { name: 'apply_to_children', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          await this.lookups.requireRepoGroup(context, group, args.repogroupid, 'admin');
          const user = await this.lookups.user(args.userid);
          const recursive = args.apply_to_children ?? 'none';
          try {
            await this.repoGroups.setPermission(context.actor, group.id, { type: 'user', id: user.id }, null, parseRecursionMode(recursive), 'api');
          } catch (error) {
            throw failure('revoke_user_permission_from_repo_group', error, { userid: args.userid, groupSegment: lastSegment(group.name) });
          }
          return { msg: `Revoked perm (recursive:${recursive}) for user: \`${user.username}\` in repo group: \`${lastSegment(group.name)}\``, success: true };
        },
      }),
      defineMethod({
        name: 'grant_user_group_permission_to_repo_group',
        args: [
          { name: 'repogroupid', kind: 'id' },
          { name: 'usergroupid', kind: 'id' },
          { name: 'perm', kind: 'string' },
          { name: 'apply_to_children', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          const perm = this.lookups.permission(args.perm, 'group.') as RepoGroupPermission;
          const userGroup = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireRepoGroup(context, group, args.repogroupid, 'admin');
          await this.lookups.requireUserGroup(context, userGroup, args.usergroupid, 'read');
          const recursive = args.apply_to_children ?? 'none';
          try {
            await this.repoGroups.setPermission(context.actor, group.id, { type: 'user_group', id: userGroup.id }, perm, parseRecursionMode(recursive), 'api');
          } catch (error) {
            throw failure('grant_user_group_permission_to_repo_group', error, { usergroupid: args.usergroupid, groupSegment: lastSegment(group.name) });
          }
          return {
            msg: `Granted perm: \`${perm}\` (recursive:${recursive}) for user group: \`${userGroup.name}\` in repo group: \`${lastSegment(group.name)}\``,
            success: true,
          };
        },
      }),
      defineMethod({
        name: 'revoke_user_group_permission_from_repo_group',
        args: [
          { name: 'repogroupid', kind: 'id' },
          { name: 'usergroupid', kind: 'id' },
          { name: 'apply_to_children', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const group = await this.lookups.repoGroup(args.repogroupid);
          const userGroup = await this.lookups.userGroup(args.usergroupid);
          await this.lookups.requireRepoGroup(context, group, args.repogroupid, 'admin');
          await this.lookups.requireUserGroup(context, userGroup, args.usergroupid, 'read');
          const recursive = args.apply_to_children ?? 'none';
          try {
            await this.repoGroups.setPermission(context.actor, group.id, { type: 'user_group', id: userGroup.id }, null, parseRecursionMode(recursive), 'api');
          } catch (error) {
            throw failure('revoke_user_group_permission_from_repo_group', error, { groupName: userGroup.name, groupSegment: lastSegment(group.name) });
          }
          return {
            msg: `Revoked perm (recursive:${recursive}) for user group: \`${userGroup.name}\` in repo group: \`${lastSegment(group.name)}\``,
            success: true,
          };
        },
      }),
    ];
  }
}
