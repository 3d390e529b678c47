import { MigrationInterface, QueryRunner, Table, TableOptions } from 'typeorm';
import { columnKit, fk } from './migration-helpers';

/** Users, groups, repositories, permissions, settings and the journal (data-model.md §3.1–§3.5, §3.7). */
export class AccessModel1763700000000 implements MigrationInterface {
  name = 'AccessModel1763700000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columnKit(q);
    const table = (name: string, def: Omit<TableOptions, 'name'>) =>
      q.createTable(new Table({ name, ...def }));

    await table('users', {
      columns: [
        c.id('user_id'),
        c.str('username', 255, { isUnique: true }),
        c.str('password', 255),
        c.bool('active', true),
        c.bool('admin', false),
        c.str('firstname', 255, { default: "''" }),
        c.str('lastname', 255, { default: "''" }),
        c.str('email', 255, { isNullable: true, isUnique: true }),
        c.timestamp('last_login', { isNullable: true }),
        c.str('extern_type', 255, { isNullable: true }),
        c.str('extern_name', 255, { isNullable: true }),
        c.str('api_key', 255),
        c.timestamp('created_on'),
        c.text('user_data', { isNullable: true }),
      ],
      indices: [{ columnNames: ['api_key'] }],
    });
    await table('user_email_map', {
      columns: [c.id('email_id'), c.int('user_id'), c.str('email', 255, { isUnique: true })],
      foreignKeys: [fk('user_id', 'users', 'user_id')],
      indices: [{ columnNames: ['user_id'] }],
    });
    await table('user_ip_map', {
      columns: [c.id('ip_id'), c.int('user_id'), c.str('ip_addr', 255), c.bool('active', true)],
      foreignKeys: [fk('user_id', 'users', 'user_id')],
      uniques: [{ columnNames: ['user_id', 'ip_addr'] }],
    });
    await table('user_api_keys', {
      columns: [
        c.id('user_api_key_id'),
        c.int('user_id'),
        c.str('api_key', 255, { isUnique: true }),
        c.text('description', { default: "''" }),
        c.float('expires', { default: -1 }),
        c.timestamp('created_on'),
      ],
      foreignKeys: [fk('user_id', 'users', 'user_id')],
      indices: [{ columnNames: ['user_id'] }],
    });
    await table('user_ssh_keys', {
      columns: [
        c.id('user_ssh_key_id'),
        c.int('user_id'),
        c.text('public_key'),
        c.text('description', { default: "''" }),
        c.str('fingerprint', 255, { isUnique: true }),
        c.timestamp('created_on'),
        c.timestamp('last_seen', { isNullable: true }),
      ],
      foreignKeys: [fk('user_id', 'users', 'user_id')],
      indices: [{ columnNames: ['user_id'] }],
    });
    await table('users_groups', {
      columns: [
        c.id('users_group_id'),
        c.str('users_group_name', 255, { isUnique: true }),
        c.str('user_group_description', 10000, { isNullable: true }),
        c.bool('users_group_active', true),
        c.int('user_id'),
        c.timestamp('created_on'),
        c.text('group_data', { isNullable: true }),
      ],
      foreignKeys: [fk('user_id', 'users', 'user_id', 'RESTRICT')],
      indices: [{ columnNames: ['user_id'] }],
    });
    await table('users_groups_members', {
      columns: [c.id('users_group_member_id'), c.int('users_group_id'), c.int('user_id')],
      foreignKeys: [fk('users_group_id', 'users_groups', 'users_group_id'), fk('user_id', 'users', 'user_id')],
      uniques: [{ columnNames: ['users_group_id', 'user_id'] }],
      indices: [{ columnNames: ['user_id'] }],
    });
    await table('groups', {
      columns: [
        c.id('group_id'),
        c.str('group_name', 255, { isUnique: true }),
        c.int('group_parent_id', { isNullable: true }),
        c.str('group_description', 10000, { default: "''" }),
        c.int('user_id'),
        c.timestamp('created_on'),
      ],
      foreignKeys: [fk('group_parent_id', 'groups', 'group_id', 'RESTRICT'), fk('user_id', 'users', 'user_id', 'RESTRICT')],
      indices: [{ columnNames: ['group_parent_id'] }, { columnNames: ['user_id'] }],
    });
    await table('repositories', {
      columns: [
        c.id('repo_id'),
        c.str('repo_name', 255, { isUnique: true }),
        c.str('repo_state', 255, { default: "'repo_state_created'" }),
        c.str('clone_uri', 255, { isNullable: true }),
        c.str('repo_type', 255),
        c.int('user_id'),
        c.bool('private', false),
        c.bool('statistics', false),
        c.bool('downloads', false),
        c.str('description', 10000, { default: "''" }),
        c.timestamp('created_on'),
        c.timestamp('updated_on'),
        c.str('landing_revision', 255, { default: "'rev:tip'" }),
        c.text('changeset_cache', { isNullable: true }),
        c.int('fork_id', { isNullable: true }),
        c.int('group_id', { isNullable: true }),
      ],
      foreignKeys: [
        fk('user_id', 'users', 'user_id', 'RESTRICT'),
        fk('fork_id', 'repositories', 'repo_id', 'SET NULL'),
        fk('group_id', 'groups', 'group_id', 'RESTRICT'),
      ],
      indices: [{ columnNames: ['user_id'] }, { columnNames: ['fork_id'] }, { columnNames: ['group_id'] }],
    });
    await table('repositories_fields', {
      columns: [
        c.id('repo_field_id'),
        c.int('repository_id'),
        c.str('field_key', 250),
        c.str('field_label', 1024, { default: "''" }),
        c.str('field_value', 10000, { default: "''" }),
        c.str('field_desc', 1024, { default: "''" }),
        c.str('field_type', 255, { default: "'str'" }),
        c.timestamp('created_on'),
      ],
      foreignKeys: [fk('repository_id', 'repositories', 'repo_id')],
      uniques: [{ columnNames: ['repository_id', 'field_key'] }],
    });
    await table('statistics', {
      columns: [
        c.id('stat_id'),
        c.int('repository_id', { isUnique: true }),
        c.int('stat_on_revision', { default: 0 }),
        c.text('commit_activity', { isNullable: true }),
        c.text('commit_activity_combined', { isNullable: true }),
        c.text('languages', { isNullable: true }),
      ],
      foreignKeys: [fk('repository_id', 'repositories', 'repo_id')],
    });
    await table('user_followings', {
      columns: [
        c.id('user_following_id'),
        c.int('user_id'),
        c.int('follows_repository_id', { isNullable: true }),
        c.int('follows_user_id', { isNullable: true }),
        c.timestamp('follows_from'),
      ],
      foreignKeys: [
        fk('user_id', 'users', 'user_id'),
        fk('follows_repository_id', 'repositories', 'repo_id'),
        fk('follows_user_id', 'users', 'user_id'),
      ],
      uniques: [{ columnNames: ['user_id', 'follows_repository_id'] }, { columnNames: ['user_id', 'follows_user_id'] }],
      indices: [{ columnNames: ['follows_repository_id'] }, { columnNames: ['follows_user_id'] }],
    });

    await table('permissions', {
      columns: [c.id('permission_id'), c.str('permission_name', 255, { isUnique: true })],
    });
    const perm = fk('permission_id', 'permissions', 'permission_id', 'RESTRICT');
    await table('user_to_perm', {
      columns: [c.id('user_to_perm_id'), c.int('user_id'), c.int('permission_id')],
      foreignKeys: [fk('user_id', 'users', 'user_id'), perm],
      uniques: [{ columnNames: ['user_id', 'permission_id'] }],
    });
    await table('users_group_to_perm', {
      columns: [c.id('users_group_to_perm_id'), c.int('users_group_id'), c.int('permission_id')],
      foreignKeys: [fk('users_group_id', 'users_groups', 'users_group_id'), perm],
      uniques: [{ columnNames: ['users_group_id', 'permission_id'] }],
    });
    await table('repo_to_perm', {
      columns: [c.id('repo_to_perm_id'), c.int('user_id'), c.int('permission_id'), c.int('repository_id')],
      foreignKeys: [fk('user_id', 'users', 'user_id'), perm, fk('repository_id', 'repositories', 'repo_id')],
      uniques: [{ columnNames: ['user_id', 'repository_id'] }],
      indices: [{ columnNames: ['repository_id'] }],
    });
    await table('users_group_repo_to_perm', {
      columns: [c.id('users_group_to_perm_id'), c.int('users_group_id'), c.int('permission_id'), c.int('repository_id')],
      foreignKeys: [fk('users_group_id', 'users_groups', 'users_group_id'), perm, fk('repository_id', 'repositories', 'repo_id')],
      uniques: [{ columnNames: ['repository_id', 'users_group_id'] }],
      indices: [{ columnNames: ['users_group_id'] }],
    });
    await table('user_repo_group_to_perm', {
      columns: [c.id('group_to_perm_id'), c.int('user_id'), c.int('group_id'), c.int('permission_id')],
      foreignKeys: [fk('user_id', 'users', 'user_id'), fk('group_id', 'groups', 'group_id'), perm],
      uniques: [{ columnNames: ['user_id', 'group_id'] }],
      indices: [{ columnNames: ['group_id'] }],
    });
    await table('users_group_repo_group_to_perm', {
      columns: [c.id('users_group_repo_group_to_perm_id'), c.int('users_group_id'), c.int('group_id'), c.int('permission_id')],
      foreignKeys: [fk('users_group_id', 'users_groups', 'users_group_id'), fk('group_id', 'groups', 'group_id'), perm],
      uniques: [{ columnNames: ['users_group_id', 'group_id'] }],
      indices: [{ columnNames: ['group_id'] }],
    });
    await table('user_user_group_to_perm', {
      columns: [c.id('user_user_group_to_perm_id'), c.int('user_id'), c.int('permission_id'), c.int('user_group_id')],
      foreignKeys: [fk('user_id', 'users', 'user_id'), perm, fk('user_group_id', 'users_groups', 'users_group_id')],
      uniques: [{ columnNames: ['user_id', 'user_group_id'] }],
      indices: [{ columnNames: ['user_group_id'] }],
    });
    await table('user_group_user_group_to_perm', {
      columns: [
        c.id('user_group_user_group_to_perm_id'),
        c.int('target_user_group_id'),
        c.int('permission_id'),
        c.int('user_group_id'),
      ],
      foreignKeys: [
        fk('target_user_group_id', 'users_groups', 'users_group_id'),
        perm,
        fk('user_group_id', 'users_groups', 'users_group_id'),
      ],
      uniques: [{ columnNames: ['target_user_group_id', 'user_group_id'] }],
      indices: [{ columnNames: ['user_group_id'] }],
    });

    await table('settings', {
      columns: [
        c.id('app_settings_id'),
        c.str('app_settings_name', 255, { isUnique: true }),
        c.str('app_settings_value', 4096, { default: "''" }),
        c.str('app_settings_type', 255, { default: "'unicode'" }),
      ],
    });
    await table('ui', {
      columns: [c.id('ui_id'), c.str('ui_section', 255), c.str('ui_key', 255), c.str('ui_value', 255, { isNullable: true }), c.bool('ui_active', true)],
      uniques: [{ columnNames: ['ui_section', 'ui_key'] }],
    });
    await table('user_logs', {
      columns: [
        c.id('user_log_id'),
        c.int('user_id', { isNullable: true }),
        c.str('username', 255),
        c.int('repository_id', { isNullable: true }),
        c.str('repository_name', 255, { default: "''" }),
        c.str('user_ip', 255, { isNullable: true }),
        c.text('action'),
        c.timestamp('action_date'),
      ],
      foreignKeys: [fk('user_id', 'users', 'user_id', 'SET NULL'), fk('repository_id', 'repositories', 'repo_id', 'SET NULL')],
      indices: [{ columnNames: ['user_id'] }, { columnNames: ['repository_id'] }, { columnNames: ['action_date'] }],
    });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'user_logs',
      'ui',
      'settings',
      'user_group_user_group_to_perm',
      'user_user_group_to_perm',
      'users_group_repo_group_to_perm',
      'user_repo_group_to_perm',
      'users_group_repo_to_perm',
      'repo_to_perm',
      'users_group_to_perm',
      'user_to_perm',
      'permissions',
      'user_followings',
      'statistics',
      'repositories_fields',
      'repositories',
      'groups',
      'users_groups_members',
      'users_groups',
      'user_ssh_keys',
      'user_api_keys',
      'user_ip_map',
      'user_email_map',
      'users',
    ]) {
      await q.dropTable(name);
    }
  }
}
