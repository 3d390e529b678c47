import { Injectable } from '@nestjs/common';
import { parseDiff, type Changeset } from '@grove/vcs';
import { SettingsService } from '../../settings/settings.service';
import { CUT_OFF_LIMIT } from '../diff-view';
import type { RepoContext } from '../repo-context.service';
import { atom, html, rss, type Feed } from './feed-xml';

/** `rss_items_per_page` default. */
const FEED_ITEMS = 20;
const CACHE_ENTRIES = 200;

/** Repository changeset feeds (§3.10); cached per repository, feed type, base URL and tip hash, so a push is seen at once. */
@Injectable()
export class FeedsService {
  private readonly cache = new Map<string, string>();

  constructor(private readonly settings: SettingsService) {}

  /** The feed XML and its content type; `base` is the site's origin (`http://host:port`). */
  async feed(ctx: RepoContext, type: 'rss' | 'atom', base: string): Promise<{ body: string; contentType: string }> {
    const refs = await ctx.vcs.refs();
    const key = `${ctx.repo.id}:${ctx.repo.name}:${type}:${base}:${refs.tip ?? 'empty'}`;
    let body = this.cache.get(key);
    if (body === undefined) {
      const feed = await this.build(ctx, base);
      body = type === 'rss' ? rss(feed) : atom(feed);
      if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, body);
    }
    return { body, contentType: type === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8' };
  }

  private async build(ctx: RepoContext, base: string): Promise<Feed> {
    const title = (await this.settings.getString('title')) || 'Grove';
    const repoUrl = `${base}/${ctx.repo.name}`;
    const changesets = (await ctx.vcs.isEmpty()) ? [] : await ctx.vcs.listChangesets({ limit: FEED_ITEMS });
    const items = [];
    for (const c of changesets) items.push({ ...(await this.item(ctx, c, repoUrl)) });
    return { title: `${title} ${ctx.repo.name} feed`, link: repoUrl, description: `Changes on ${ctx.repo.name} repository`, items };
  }

  private async item(ctx: RepoContext, c: Changeset, repoUrl: string) {
    const link = `${repoUrl}/changeset/${c.rawId}`;
    const date = new Date(c.date.timestamp * 1000);
    const raw = await ctx.vcs.changesetDiff(c.rawId, { maxBytes: CUT_OFF_LIMIT + 1 });
    const diff = parseDiff(raw.raw, { cutOffLimit: CUT_OFF_LIMIT });
    const files = diff.files.map((f) => `${f.operation} ${f.path} (${f.stats.added} lines added, ${f.stats.deleted} lines removed)`);
    if (diff.truncated) files.push('Changeset was too big and was cut off...');
    const lines = [
      `<p>${html(c.authorName || c.author)} committed on ${date.toISOString().replace('T', ' ').slice(0, 19)}</p>`,
      ...(c.branch ? [`<p>branch: ${html(c.branch)}</p>`] : []),
      ...c.bookmarks.map((b) => `<p>bookmark: ${html(b)}</p>`),
      ...c.tags.map((t) => `<p>tag: ${html(t)}</p>`),
      `<p>changeset: <a href="${html(link)}">${c.rawId.slice(0, 8)}</a></p>`,
      `<pre>${html(c.message.trim())}\n\n${files.map(html).join('\n')}</pre>`,
    ];
    const firstLine = c.message.trim().split('\n')[0] ?? '';
    return { title: firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine, link, authorName: c.authorName || c.author, authorEmail: c.authorEmail, date, html: lines.join(''), id: c.rawId };
  }
}
