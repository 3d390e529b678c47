import { DataSource } from 'typeorm';
import { Permission, UserRepoGroupPermission, UserRepoPermission } from '../../../src/permissions/permission.entities';
import { RepoGroup } from '../../../src/repo-groups/repo-group.entity';
import { Repository } from '../../../src/repos/repository.entity';
import { DEFAULT_USERNAME, User } from '../../../src/users/user.entity';

/**
 * Direct database seeding for tests of read paths (listing, permissions) that should not depend
 * on the creation endpoints. Rows follow the invariants of permissions.md §4 (a `default` entry
 * on every object).
 */
export class Seeder {
  constructor(private readonly dataSource: DataSource) {}

  private async permissionId(name: string): Promise<number> {
    return (await this.dataSource.manager.findOneByOrFail(Permission, { name })).id;
  }

  async userId(username: string): Promise<number> {
    return (await this.dataSource.manager.findOneByOrFail(User, { username })).id;
  }

  async group(name: string, options: { owner?: string; defaultPerm?: string } = {}): Promise<RepoGroup> {
    const m = this.dataSource.manager;
    const parentName = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : null;
    const parent = parentName ? await m.findOneByOrFail(RepoGroup, { name: parentName }) : null;
    const group = await m.save(
      m.create(RepoGroup, { name, parentId: parent?.id ?? null, description: `group ${name}`, ownerId: await this.userId(options.owner ?? 'admin'), createdOn: new Date() }),
    );
    await this.grantGroup(DEFAULT_USERNAME, name, options.defaultPerm ?? 'group.read');
    return group;
  }

  async repo(name: string, options: { type?: 'hg' | 'git'; owner?: string; private?: boolean; defaultPerm?: string } = {}): Promise<Repository> {
    const m = this.dataSource.manager;
    const groupName = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : null;
    const group = groupName ? await m.findOneByOrFail(RepoGroup, { name: groupName }) : null;
    const now = new Date();
    const repo = await m.save(
      m.create(Repository, {
        name,
        type: options.type ?? 'git',
        ownerId: await this.userId(options.owner ?? 'admin'),
        private: options.private ?? false,
        description: `repo ${name}`,
        groupId: group?.id ?? null,
        createdOn: now,
        updatedOn: now,
      }),
    );
    await this.grantRepo(DEFAULT_USERNAME, name, options.defaultPerm ?? (options.private ? 'repository.none' : 'repository.read'));
    return repo;
  }

  async grantRepo(username: string, repoName: string, permission: string) {
    const m = this.dataSource.manager;
    const repo = await m.findOneByOrFail(Repository, { name: repoName });
    const userId = await this.userId(username);
    await m.delete(UserRepoPermission, { userId, repositoryId: repo.id });
    await m.insert(UserRepoPermission, { userId, repositoryId: repo.id, permissionId: await this.permissionId(permission) });
  }

  async grantGroup(username: string, groupName: string, permission: string) {
    const m = this.dataSource.manager;
    const group = await m.findOneByOrFail(RepoGroup, { name: groupName });
    const userId = await this.userId(username);
    await m.delete(UserRepoGroupPermission, { userId, groupId: group.id });
    await m.insert(UserRepoGroupPermission, { userId, groupId: group.id, permissionId: await this.permissionId(permission) });
  }
}
