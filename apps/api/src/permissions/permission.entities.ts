import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

// The permission tables keep Kallithea's names and columns so an installation can be imported.
// Kallithea keeps one row per (subject, object) in code; Grove declares it as the unique key.

/** One row per permission name (permissions.md §2); ids differ between installations, map by name. */
@Entity({ name: 'permissions' })
export class Permission {
  @PrimaryGeneratedColumn({ name: 'permission_id' })
  id!: number;

  @Column({ name: 'permission_name', type: 'varchar', length: 255, unique: true })
  name!: string;
}

/** user → global permission. */
@Entity({ name: 'user_to_perm' })
@Unique(['userId', 'permissionId'])
export class UserGlobalPermission {
  @PrimaryGeneratedColumn({ name: 'user_to_perm_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;
}

/** user group → global permission. */
@Entity({ name: 'users_group_to_perm' })
@Unique(['userGroupId', 'permissionId'])
export class UserGroupGlobalPermission {
  @PrimaryGeneratedColumn({ name: 'users_group_to_perm_id' })
  id!: number;

  @Column({ name: 'users_group_id', type: 'integer' })
  userGroupId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;
}

/** user → repository. */
@Entity({ name: 'repo_to_perm' })
@Unique(['userId', 'repositoryId'])
export class UserRepoPermission {
  @PrimaryGeneratedColumn({ name: 'repo_to_perm_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;

  @Index()
  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;
}

/** user group → repository. */
@Entity({ name: 'users_group_repo_to_perm' })
@Unique(['repositoryId', 'userGroupId'])
export class UserGroupRepoPermission {
  @PrimaryGeneratedColumn({ name: 'users_group_to_perm_id' })
  id!: number;

  @Index()
  @Column({ name: 'users_group_id', type: 'integer' })
  userGroupId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;

  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;
}

/** user → repository group. */
@Entity({ name: 'user_repo_group_to_perm' })
@Unique(['userId', 'groupId'])
export class UserRepoGroupPermission {
  @PrimaryGeneratedColumn({ name: 'group_to_perm_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Index()
  @Column({ name: 'group_id', type: 'integer' })
  groupId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;
}

/** user group → repository group. */
@Entity({ name: 'users_group_repo_group_to_perm' })
@Unique(['userGroupId', 'groupId'])
export class UserGroupRepoGroupPermission {
  @PrimaryGeneratedColumn({ name: 'users_group_repo_group_to_perm_id' })
  id!: number;

  @Column({ name: 'users_group_id', type: 'integer' })
  userGroupId!: number;

  @Index()
  @Column({ name: 'group_id', type: 'integer' })
  groupId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;
}

/** user → user group. */
@Entity({ name: 'user_user_group_to_perm' })
@Unique(['userId', 'userGroupId'])
export class UserUserGroupPermission {
  @PrimaryGeneratedColumn({ name: 'user_user_group_to_perm_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;

  @Index()
  @Column({ name: 'user_group_id', type: 'integer' })
  userGroupId!: number;
}

/** members of `userGroupId` → permission on `targetUserGroupId`. */
@Entity({ name: 'user_group_user_group_to_perm' })
@Unique(['targetUserGroupId', 'userGroupId'])
export class UserGroupUserGroupPermission {
  @PrimaryGeneratedColumn({ name: 'user_group_user_group_to_perm_id' })
  id!: number;

  @Column({ name: 'target_user_group_id', type: 'integer' })
  targetUserGroupId!: number;

  @Column({ name: 'permission_id', type: 'integer' })
  permissionId!: number;

  @Index()
  @Column({ name: 'user_group_id', type: 'integer' })
  userGroupId!: number;
}

export const PERMISSION_ENTITIES = [
  Permission,
  UserGlobalPermission,
  UserGroupGlobalPermission,
  UserRepoPermission,
  UserGroupRepoPermission,
  UserRepoGroupPermission,
  UserGroupRepoGroupPermission,
  UserUserGroupPermission,
  UserGroupUserGroupPermission,
];
