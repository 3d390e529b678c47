import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SettingsService } from '../settings/settings.service';

const DEFAULT_TEMPLATE = 'https://secure.gravatar.com/avatar/{md5email}?d=identicon&s={size}';

/** Maps an e-mail address to its avatar URL, or null (avatars off, no address). */
export type AvatarUrl = (email: string | null | undefined) => string | null;

/**
 * Avatar URLs (web-ui.md §3.6) from the `use_gravatar` switch and the `gravatar_url` template:
 * `{email}` and `{md5email}` are filled here; `{size}`, `{scheme}` and `{netloc}` are left for the
 * page, which knows the displayed size (it asks for twice that) and its own origin.
 */
@Injectable()
export class AvatarsService {
  constructor(private readonly settings: SettingsService) {}

  async resolver(): Promise<AvatarUrl> {
    const all = await this.settings.getAll();
    const on = ['t', 'true', 'y', 'yes', 'on', '1'].includes((all.get('use_gravatar')?.value ?? '').trim().toLowerCase());
    if (!on) return () => null;
    const template = all.get('gravatar_url')?.value || DEFAULT_TEMPLATE;
    return (email) => {
      const address = email?.trim().toLowerCase();
      if (!address || !address.includes('@')) return null;
      const md5 = createHash('md5').update(address).digest('hex');
      return template.replace(/\{md5email\}/g, md5).replace(/\{email\}/g, encodeURIComponent(address));
    };
  }
}
