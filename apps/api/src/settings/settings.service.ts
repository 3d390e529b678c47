import { userInfo } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SiteInfo, SiteSettings, UpdateSiteSettings } from '@grove/shared';
import { Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { Setting, SettingType } from './setting.entity';
import { REPOS_ROOT_UI } from './settings.defaults';
import { UiSetting } from './ui-setting.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import { GROVE_VERSION } from '../version';

const TRUE_WORDS = new Set(['t', 'true', 'y', 'yes', 'on', '1']);

/** Admin-editable settings stored in the database (`settings` and `ui` tables). */
@Injectable()
export class SettingsService {
  constructor(
    @InjectRepository(Setting) private readonly settings: Repository<Setting>,
    @InjectRepository(UiSetting) private readonly ui: Repository<UiSetting>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(GROVE_CONFIG) private readonly config: GroveConfig,
  ) {}

  /** What the login page and the layout show before anyone signs in. */
  async siteInfo(): Promise<SiteInfo> {
    const [site, defaultUser] = await Promise.all([
      this.siteSettings(),
      this.users.findOne({ where: { username: DEFAULT_USERNAME }, select: { id: true, active: true } }),
    ]);
    return {
      title: site.title || 'Grove',
      version: GROVE_VERSION,
      anonymousAccess: defaultUser?.active ?? false,
      repositoryFields: site.repositoryFields,
      repositoryDefaults: {
        type: site.defaultRepoType,
        private: site.defaultRepoPrivate,
        enableStatistics: site.defaultRepoEnableStatistics,
        enableDownloads: site.defaultRepoEnableDownloads,
      },
      clone: this.cloneInfo(site),
    };
  }

  /** The clone URL templates in force; no SSH template while SSH is off. */
  async cloneSettings(): Promise<SiteInfo['clone']> {
    return this.cloneInfo(await this.siteSettings());
  }

  private cloneInfo(site: { cloneUriTemplate: string; cloneSshTemplate: string }): SiteInfo['clone'] {
    return {
      uriTemplate: site.cloneUriTemplate || '{scheme}://{user}@{netloc}/{repo}',
      sshTemplate: this.config.ssh.enabled ? site.cloneSshTemplate || 'ssh://{system_user}@{hostname}/{repo}' : null,
      sshPort: this.config.ssh.enabled ? this.config.ssh.publicPort : null,
      systemUser: systemUser(),
    };
  }

  async getAll(): Promise<Map<string, Setting>> {
    return new Map((await this.settings.find()).map((s) => [s.name, s]));
  }

  async getString(name: string, fallback = ''): Promise<string> {
    return (await this.settings.findOne({ where: { name } }))?.value ?? fallback;
  }

  async getBool(name: string, fallback = false): Promise<boolean> {
    const row = await this.settings.findOne({ where: { name } });
    return row ? parseBool(row.value) : fallback;
  }

  async set(name: string, value: string | number | boolean, type?: SettingType): Promise<void> {
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    const inferred: SettingType = type ?? (typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'int' : 'unicode');
    await this.settings.upsert({ name, value: text, type: inferred }, ['name']);
  }

  /** The typed site settings of the admin pages. */
  async siteSettings(): Promise<SiteSettings> {
    const all = await this.getAll();
    const str = (key: string, fallback = '') => all.get(key)?.value ?? fallback;
    const bool = (key: string) => parseBool(str(key, 'False'));
    return {
      title: str('title'),
      realm: str('realm', 'Grove'),
      repositoryFields: bool('repository_fields'),
      useGravatar: bool('use_gravatar'),
      gravatarUrl: str('gravatar_url'),
      cloneUriTemplate: str('clone_uri_tmpl'),
      cloneSshTemplate: str('clone_ssh_tmpl'),
      defaultRepoType: str('default_repo_type', 'hg') === 'git' ? 'git' : 'hg',
      defaultRepoPrivate: bool('default_repo_private'),
      defaultRepoEnableStatistics: bool('default_repo_enable_statistics'),
      defaultRepoEnableDownloads: bool('default_repo_enable_downloads'),
      cloneUriAllowLocal: bool('clone_uri_allow_local'),
      pushToCreate: bool('push_to_create'),
    };
  }

  async updateSiteSettings(input: UpdateSiteSettings): Promise<SiteSettings> {
    const keys: Record<keyof SiteSettings, string> = {
      title: 'title',
      realm: 'realm',
      repositoryFields: 'repository_fields',
      useGravatar: 'use_gravatar',
      gravatarUrl: 'gravatar_url',
      cloneUriTemplate: 'clone_uri_tmpl',
      cloneSshTemplate: 'clone_ssh_tmpl',
      defaultRepoType: 'default_repo_type',
      defaultRepoPrivate: 'default_repo_private',
      defaultRepoEnableStatistics: 'default_repo_enable_statistics',
      defaultRepoEnableDownloads: 'default_repo_enable_downloads',
      cloneUriAllowLocal: 'clone_uri_allow_local',
      pushToCreate: 'push_to_create',
    };
    for (const [field, value] of Object.entries(input) as [keyof SiteSettings, string | boolean][]) {
      if (value !== undefined) await this.set(keys[field], value);
    }
    return this.siteSettings();
  }

  /** Absolute path of the repositories root (`ui` row `paths` `/`, as Kallithea keeps it). */
  async reposRoot(): Promise<string> {
    const row = await this.ui.findOne({ where: { section: REPOS_ROOT_UI.section, key: REPOS_ROOT_UI.key } });
    if (!row?.value) throw new DomainError(ErrorCode.Unavailable, 'The repositories root is not configured: run `grove setup`');
    return row.value.replace(/\*$/, '');
  }
}

/** The account SSH clients log in as (`{system_user}`): the one running Grove. */
function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'grove';
  }
}

export function parseBool(value: string): boolean {
  return TRUE_WORDS.has(value.trim().toLowerCase());
}
