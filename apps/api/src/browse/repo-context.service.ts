import { Injectable } from '@nestjs/common';
import { VcsService, type VcsRepository } from '@grove/vcs';
import type { PermissionLevel, RepositoryPermission } from '@grove/shared';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import type { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';

/** A repository the caller may use at the required level, with its libs/vcs handle. */
export interface RepoContext {
  repo: Repository;
  vcs: VcsRepository;
  /** the caller's effective permission name (`repository.read`, …) */
  permission: RepositoryPermission;
}

/** The one way browse endpoints reach a repository: lookup, permission check, then open through libs/vcs. */
@Injectable()
export class RepoContextService {
  constructor(
    private readonly repos: ReposService,
    private readonly permissions: PermissionsService,
    private readonly vcs: VcsService,
  ) {}

  async open(actor: Actor, ref: string, level: PermissionLevel = 'read'): Promise<RepoContext> {
    const repo = await this.repos.find(ref);
    const permissions = await this.permissions.requireRepository(actor.user, repo, level);
    let vcs: VcsRepository;
    try {
      vcs = await this.vcs.open(repo.name);
    } catch {
      throw notFound(`Repository ${repo.name} not found in the filesystem`);
    }
    return { repo, vcs, permission: permissions.repositories.get(repo.id) ?? 'repository.none' };
  }
}
