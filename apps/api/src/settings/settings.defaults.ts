import type { SettingType } from './setting.entity';

/** Settings every fresh installation gets (Kallithea's keys and defaults where they exist). */
export const DEFAULT_SETTINGS: Record<string, { value: string; type: SettingType }> = {
  realm: { value: 'Grove', type: 'unicode' },
  title: { value: '', type: 'unicode' },
  ga_code: { value: '', type: 'unicode' },
  captcha_public_key: { value: '', type: 'unicode' },
  captcha_private_key: { value: '', type: 'unicode' },
  show_public_icon: { value: 'True', type: 'bool' },
  show_private_icon: { value: 'True', type: 'bool' },
  stylify_metalabels: { value: 'False', type: 'bool' },
  repository_fields: { value: 'False', type: 'bool' },
  dashboard_items: { value: '100', type: 'int' },
  admin_grid_items: { value: '25', type: 'int' },
  show_version: { value: 'True', type: 'bool' },
  use_gravatar: { value: 'False', type: 'bool' },
  gravatar_url: { value: 'https://secure.gravatar.com/avatar/{md5email}?d=identicon&s={size}', type: 'unicode' },
  clone_uri_tmpl: { value: '{scheme}://{user}@{netloc}/{repo}', type: 'unicode' },
  clone_ssh_tmpl: { value: 'ssh://{system_user}@{hostname}/{repo}', type: 'unicode' },
  default_repo_type: { value: 'hg', type: 'unicode' },
  default_repo_private: { value: 'False', type: 'bool' },
  default_repo_enable_statistics: { value: 'False', type: 'bool' },
  default_repo_enable_downloads: { value: 'False', type: 'bool' },
  auth_plugins: { value: 'internal', type: 'list' },
  auth_internal_enabled: { value: 'True', type: 'bool' },
  /** a push to a missing path creates the repository when the pusher may create it there (hgwebinit) */
  push_to_create: { value: 'False', type: 'bool' },
};

/** `ui` rows of a fresh installation besides the repositories root. */
export const DEFAULT_UI_ROWS: { section: string; key: string; value: string; active: boolean }[] = [
  { section: 'hooks', key: 'changegroup.update', value: 'hg update >&2', active: false },
  { section: 'hooks', key: 'changegroup.repo_size', value: 'python:kallithea.lib.hooks.repo_size', active: true },
];

export const REPOS_ROOT_UI = { section: 'paths', key: '/' } as const;
