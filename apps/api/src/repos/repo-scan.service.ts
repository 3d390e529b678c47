import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepoScanResult, nameClashKey, validateRepoGroupName, validateRepositoryName } from '@grove/shared';
import { VcsService } from '@grove/vcs';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { forbidden } from '../common/errors/domain-error';
import { PermissionGrantsService } from '../permissions/permission-grants.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { UserFollowing } from '../users/user-following.entity';
import { ReposService } from './repos.service';
import { Repository } from './repository.entity';

export type ScanProgress = (event: { phase: 'scan' | 'groups' | 'repositories' | 'obsolete'; done: number; total: number; name?: string }) => void;

/**
 * Kallithea's "remap and rescan": imports repositories found on disk (creating their groups) and
 * optionally forgets database entries whose directories are gone. Super-admin only.
 */
@Injectable()
export class RepoScanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly grants: PermissionGrantsService,
    private readonly repos: ReposService,
  ) {}

  async scan(actor: Actor, options: { removeObsolete?: boolean; onProgress?: ScanProgress } = {}): Promise<RepoScanResult> {
    if (!actor.user.admin) throw forbidden('Only super-admins may rescan the repositories root');
    const progress = options.onProgress ?? (() => undefined);
    const m = this.dataSource.manager;
    progress({ phase: 'scan', done: 0, total: 0 });
    const found = await this.vcs.scan();
    const [knownRepos, knownGroups] = await Promise.all([m.find(Repository, { select: { id: true, name: true } }), m.find(RepoGroup, { select: { id: true, name: true } })]);
    const taken = new Map<string, string>([...knownRepos, ...knownGroups].map((o) => [nameClashKey(o.name), o.name]));
    const groupIds = new Map(knownGroups.map((g) => [g.name, g.id]));
    const result: RepoScanResult = { added: [], removed: [], groupsCreated: [], skipped: [] };

    const neededGroups = new Set(found.groups);
    for (const repo of found.repositories) {
      const segments = repo.name.split('/');
      for (let i = 1; i < segments.length; i++) neededGroups.add(segments.slice(0, i).join('/'));
    }
    const groups = [...neededGroups].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
    const defaultUserId = await this.grants.defaultUserId();
    const groupDefault = await this.grants.initialDefault('group');
    let done = 0;
    for (const name of groups) {
      progress({ phase: 'groups', done: done++, total: groups.length, name });
      if (groupIds.has(name)) continue;
      const problem = taken.has(nameClashKey(name)) ? `clashes with ${taken.get(nameClashKey(name))}` : invalid(validateRepoGroupName(name));
      const parentName = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : null;
      if (problem || (parentName && !groupIds.has(parentName))) {
        result.skipped.push({ name, reason: problem ?? 'its parent group could not be created' });
        continue;
      }
      const group = await this.dataSource.transaction(async (tx) => {
        const g = await tx.save(tx.create(RepoGroup, { name, parentId: parentName ? groupIds.get(parentName)! : null, description: '', ownerId: actor.user.id, createdOn: new Date() }));
        await this.grants.set(tx, 'repoGroup', [g.id], { type: 'user', id: defaultUserId }, groupDefault);
        return g;
      });
      groupIds.set(name, group.id);
      taken.set(nameClashKey(name), name);
      result.groupsCreated.push(name);
    }

    done = 0;
    const knownNames = new Set(knownRepos.map((r) => r.name));
    for (const found1 of found.repositories) {
      progress({ phase: 'repositories', done: done++, total: found.repositories.length, name: found1.name });
      if (knownNames.has(found1.name)) continue;
      const parentName = found1.name.includes('/') ? found1.name.slice(0, found1.name.lastIndexOf('/')) : null;
      const problem = taken.has(nameClashKey(found1.name)) ? `clashes with ${taken.get(nameClashKey(found1.name))}` : invalid(validateRepositoryName(found1.name));
      if (problem || (parentName && !groupIds.has(parentName))) {
        result.skipped.push({ name: found1.name, reason: problem ?? 'its group could not be created' });
        continue;
      }
      const { changesetCache, tipDate } = await this.repos.tipCache(found1.name).catch(() => ({ changesetCache: null, tipDate: null }));
      const now = new Date();
      await this.dataSource.transaction(async (tx) => {
        const repo = await tx.save(
          tx.create(Repository, {
            name: found1.name,
            type: found1.type,
            ownerId: actor.user.id,
            groupId: parentName ? groupIds.get(parentName)! : null,
            description: found1.name.slice(found1.name.lastIndexOf('/') + 1),
            state: 'repo_state_created',
            changesetCache,
            createdOn: now,
            updatedOn: tipDate ?? now,
          }),
        );
        await this.grants.set(tx, 'repository', [repo.id], { type: 'user', id: defaultUserId }, await this.grants.initialDefault('repository', { isPrivate: false }, tx));
        await tx.insert(UserFollowing, { userId: actor.user.id, followsRepositoryId: repo.id, followsUserId: null, followsFrom: now });
      });
      taken.set(nameClashKey(found1.name), found1.name);
      result.added.push(found1.name);
    }

    if (options.removeObsolete) {
      done = 0;
      const onDisk = new Set(found.repositories.map((r) => r.name));
      for (const repo of knownRepos) {
        progress({ phase: 'obsolete', done: done++, total: knownRepos.length, name: repo.name });
        if (onDisk.has(repo.name) || (await this.vcs.detectType(repo.name).catch(() => null))) continue;
        await m.delete(Repository, { id: repo.id });
        result.removed.push(repo.name);
      }
    }
    return result;
  }
}

function invalid(result: { valid: true } | { valid: false; message: string }): string | undefined {
  return result.valid ? undefined : result.message;
}
