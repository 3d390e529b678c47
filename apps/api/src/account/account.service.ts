import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangePassword, RepoListItem, UpdateProfile } from '@grove/shared';
import { DataSource, In } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import { toRepoListItems } from '../repos/repo-list-items';
import { Repository } from '../repos/repository.entity';
import { UserEmail } from '../users/user-email.entity';
import { UserFollowing } from '../users/user-following.entity';
import { User } from '../users/user.entity';
import { hasLevel } from '@grove/shared';

/** What a signed-in user changes about themselves (My Account). */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async updateProfile(user: User, input: UpdateProfile): Promise<User> {
    const m = this.dataSource.manager;
    if (input.email !== undefined && input.email !== user.email) {
      const taken = (await m.count(User, { where: { email: input.email } })) + (await m.count(UserEmail, { where: { email: input.email } }));
      if (taken) throw new DomainError(ErrorCode.Conflict, `E-mail address ${input.email} is already in use`, { field: 'email' });
    }
    Object.assign(user, {
      ...(input.firstname !== undefined && { firstname: input.firstname }),
      ...(input.lastname !== undefined && { lastname: input.lastname }),
      ...(input.email !== undefined && { email: input.email }),
    });
    return m.save(user);
  }

  /** Checks the current password; other sessions end (their cookies carry the old hash's fingerprint). */
  async changePassword(user: User, input: ChangePassword): Promise<User> {
    if (!(await verifyPassword(input.currentPassword, user.password))) {
      throw new DomainError(ErrorCode.Validation, 'The current password is wrong', { field: 'currentPassword' });
    }
    user.password = await hashPassword(input.newPassword);
    await this.dataSource.manager.update(User, { id: user.id }, { password: user.password });
    return user;
  }

  /** Repositories the user owns. */
  async ownedRepositories(user: User): Promise<RepoListItem[]> {
    const repos = await this.dataSource.manager.find(Repository, { where: { ownerId: user.id }, order: { name: 'ASC' } });
    return toRepoListItems(this.dataSource.manager, repos);
  }

  /** Repositories the user follows and may still read. */
  async watchedRepositories(user: User): Promise<RepoListItem[]> {
    const follows = await this.dataSource.manager.find(UserFollowing, { where: { userId: user.id } });
    const ids = follows.map((f) => f.followsRepositoryId).filter((id): id is number => id !== null);
    if (!ids.length) return [];
    const repos = await this.dataSource.manager.find(Repository, { where: { id: In(ids) }, order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(user, { repositories: repos.map((r) => r.id) });
    return toRepoListItems(
      this.dataSource.manager,
      repos.filter((r) => hasLevel(permissions.repositories.get(r.id), 'read')),
    );
  }
}
