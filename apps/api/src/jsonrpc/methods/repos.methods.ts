import { Injectable } from '@nestjs/common';
import { joinFullName, splitFullName } from '@grove/shared';
import { VcsService } from '@grove/vcs';
import type { Repository } from '../../repos/repository.entity';
import { ReposService } from '../../repos/repos.service';
import { failure, JsonRpcError, messages } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { Lookups } from '../lookups';
import { ShapeLoader } from '../shape-loader';

const asOwner = (owner: number | string | undefined) => (owner === undefined ? undefined : String(owner));
const refOf = (repo: Repository) => `_${repo.id}`;

/** §7.5: repositories. Object checks hide; `create_repo`/`fork_repo` gates and messages come from the service's API channel. */
@Injectable()
export class RepoMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly shapes: ShapeLoader,
    private readonly repos: ReposService,
    private readonly vcs: VcsService,
  ) {
    this.methods = [
      defineMethod({
        name: 'get_repo',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'with_revision_names', kind: 'bool', optional: true },
          { name: 'with_pullrequests', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'read');
          const [shape, members, followers] = await Promise.all([
            this.shapes.repoOf(repo),
            this.shapes.membersOf('repository', repo.id),
            this.repos.followers(repo.id).then((users) => this.shapes.usersOf(users)),
          ]);
          const result: Record<string, unknown> = { ...shape, members, followers };
          if (args.with_revision_names) {
            const refs = await (await this.vcs.open(repo.name)).refs();
            const byName = (list: Array<{ name: string; rawId: string }>) => Object.fromEntries(list.map((r) => [r.name, r.rawId]));
            Object.assign(result, { tags: byName(refs.tags), branches: byName(refs.branches), bookmarks: byName(refs.bookmarks) });
          }
          // Pull requests do not exist in Grove yet: none can target this repository.
          if (args.with_pullrequests) result['pull_requests'] = [];
          return result;
        },
      }),
      defineMethod({
        name: 'get_repos',
        args: [],
        access: 'user',
        call: async (context) => this.shapes.reposOf(await this.repos.listReadable(context.actor)),
      }),
      defineMethod({
        name: 'get_repo_nodes',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'revision', kind: 'revision' },
          { name: 'root_path', kind: 'string' },
          { name: 'ret_type', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'read');
          let walk;
          try {
            const root = args.root_path.replace(/^\/+|\/+$/g, '');
            walk = await (await this.vcs.open(repo.name)).walk(String(args.revision), root);
          } catch (error) {
            throw failure('get_repo_nodes', error, { repoName: repo.name });
          }
          const dirs = kallitheaDirOrder(walk.dirs).map((name) => ({ name, type: 'dir' }));
          const files = walk.files.map((name) => ({ name, type: 'file' }));
          switch (args.ret_type ?? 'all') {
            case 'all':
              return [...dirs, ...files];
            case 'dirs':
              return dirs;
            case 'files':
              return files;
            default:
              throw new JsonRpcError(messages.retType);
          }
        },
      }),
      defineMethod({
        name: 'create_repo',
        args: [
          { name: 'repo_name', kind: 'string' },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'repo_type', kind: 'string', optional: true },
          { name: 'description', kind: 'string', optional: true },
          { name: 'private', kind: 'bool', optional: true },
          { name: 'clone_uri', kind: 'string', optional: true },
          { name: 'landing_rev', kind: 'string', optional: true },
          { name: 'enable_statistics', kind: 'bool', optional: true },
          { name: 'enable_downloads', kind: 'bool', optional: true },
          { name: 'copy_permissions', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          try {
            await this.repos.create(
              context.actor,
              {
                name: args.repo_name,
                owner: asOwner(args.owner),
                type: args.repo_type as 'hg' | 'git' | undefined,
                // An empty description becomes the last name segment (§7.5).
                description: args.description || undefined,
                private: args.private,
                cloneUri: args.clone_uri || undefined,
                landingRevision: args.landing_rev ?? 'rev:tip',
                // Honoured, unlike Kallithea (§8 B2).
                enableStatistics: args.enable_statistics,
                enableDownloads: args.enable_downloads,
                copyPermissions: args.copy_permissions ?? false,
              },
              'api',
            );
          } catch (error) {
            throw failure('create_repo', error, { repoName: args.repo_name });
          }
          return { msg: `Created new repository \`${args.repo_name}\``, success: true, task: null };
        },
      }),
      defineMethod({
        name: 'update_repo',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'name', kind: 'string', optional: true },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'group', kind: 'id', optional: true, nullable: true },
          { name: 'description', kind: 'string', optional: true },
          { name: 'private', kind: 'bool', optional: true },
          { name: 'clone_uri', kind: 'string', optional: true, nullable: true },
          { name: 'landing_rev', kind: 'string', optional: true },
          { name: 'enable_statistics', kind: 'bool', optional: true },
          { name: 'enable_downloads', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'admin');
          // `group` moves the repository (null: to the top level); `name` is its new last segment.
          const group = args.group === undefined || args.group === null ? null : await this.lookups.repoGroup(args.group);
          const current = splitFullName(repo.name);
          const name = joinFullName(args.group === undefined ? current.parentPath : (group?.name ?? null), args.name ?? current.lastSegment);
          let updated: Repository;
          try {
            updated = await this.repos.update(
              context.actor,
              refOf(repo),
              {
                ...(name !== repo.name && { name }),
                owner: asOwner(args.owner),
                description: args.description,
                private: args.private,
                cloneUri: args.clone_uri === undefined ? undefined : args.clone_uri || null,
                landingRevision: args.landing_rev,
                enableStatistics: args.enable_statistics,
                enableDownloads: args.enable_downloads,
              },
              'api',
            );
          } catch (error) {
            throw failure('update_repo', error, { repoid: args.repoid });
          }
          return { msg: `updated repo ID:${updated.id} ${updated.name}`, repository: await this.shapes.repoOf(updated) };
        },
      }),
      defineMethod({
        name: 'fork_repo',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'fork_name', kind: 'string' },
          { name: 'owner', kind: 'id', optional: true },
          { name: 'description', kind: 'string', optional: true },
          { name: 'copy_permissions', kind: 'bool', optional: true },
          { name: 'private', kind: 'bool', optional: true },
          { name: 'landing_rev', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          try {
            await this.repos.fork(
              context.actor,
              refOf(repo),
              {
                name: args.fork_name,
                owner: asOwner(args.owner),
                description: args.description ?? '',
                copyPermissions: args.copy_permissions ?? false,
                private: args.private ?? false,
                landingRevision: args.landing_rev ?? 'rev:tip',
              },
              'api',
            );
          } catch (error) {
            throw failure('fork_repo', error, { repoid: args.repoid, repoName: repo.name, forkName: args.fork_name });
          }
          return { msg: `Created fork of \`${repo.name}\` as \`${args.fork_name}\``, success: true, task: null };
        },
      }),
      defineMethod({
        name: 'delete_repo',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'forks', kind: 'string', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepo(context, repo, args.repoid, 'admin');
          // Any other value than detach/delete means "no fork handling", as in Kallithea.
          const forks = args.forks === 'detach' || args.forks === 'delete' ? args.forks : undefined;
          let count: number;
          try {
            count = await this.repos.delete(context.actor, refOf(repo), { forks });
          } catch (error) {
            throw failure('delete_repo', error, { repoName: repo.name });
          }
          const suffix = forks === 'detach' ? ` Detached ${count} forks` : forks === 'delete' ? ` Deleted ${count} forks` : '';
          return { msg: `Deleted repository \`${repo.name}\`${suffix}`, success: true };
        },
      }),
    ];
  }
}

/**
 * Kallithea's order of `get_repo_nodes` directories: its walk visits directories pre-order and,
 * at each, lists that directory's subdirectories (sorted) — so siblings come together, before
 * anything below them.
 */
export function kallitheaDirOrder(dirs: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  const known = new Set(dirs);
  const tops: string[] = [];
  for (const dir of dirs) {
    const cut = dir.lastIndexOf('/');
    const parent = cut < 0 ? '' : dir.slice(0, cut);
    if (cut < 0 || !known.has(parent)) tops.push(dir);
    else {
      const siblings = children.get(parent);
      if (siblings) siblings.push(dir);
      else children.set(parent, [dir]);
    }
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  tops.sort(byPath);
  const out = [...tops];
  // Iterative depth-first walk: a directory's subdirectories are listed when the walk reaches it.
  const stack: string[][] = [[...tops].reverse()];
  while (stack.length) {
    const next = stack[stack.length - 1]!.pop();
    if (next === undefined) {
      stack.pop();
      continue;
    }
    const kids = (children.get(next) ?? []).sort(byPath);
    if (kids.length) {
      out.push(...kids);
      stack.push([...kids].reverse());
    }
  }
  return out;
}
