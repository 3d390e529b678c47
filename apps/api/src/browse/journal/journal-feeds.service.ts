import { Injectable } from '@nestjs/common';
import type { JournalEntryDto } from '@grove/shared';
import type { Actor } from '../../common/actor';
import { SettingsService } from '../../settings/settings.service';
import { atom, rss, type Feed } from '../feeds/feed-xml';
import { JournalQueryService } from './journal-query.service';

/** Journal feeds (§3.10): the 20 newest entries, title "<user> - <action> <repo>", link to the repository's changelog. */
@Injectable()
export class JournalFeedsService {
  constructor(
    private readonly journal: JournalQueryService,
    private readonly settings: SettingsService,
  ) {}

  async feed(actor: Actor, which: 'mine' | 'public', type: 'rss' | 'atom', base: string): Promise<{ body: string; contentType: string }> {
    const query = { page: 1, size: 20 };
    const page = which === 'mine' ? await this.journal.followed(actor, actor.user, query) : await this.journal.publicJournal(actor, query);
    const title = (await this.settings.getString('title')) || 'Grove';
    const link = `${base}/_admin/${which === 'mine' ? 'journal' : 'public_journal'}`;
    const feed: Feed = {
      title: `${title} ${which === 'mine' ? 'journal' : 'public journal'}`,
      link,
      description: which === 'mine' ? `Journal of ${actor.user.username}` : 'Public journal',
      items: page.items.map((e) => this.item(e, base)),
    };
    return { body: type === 'rss' ? rss(feed) : atom(feed), contentType: type === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8' };
  }

  private item(e: JournalEntryDto, base: string) {
    const repo = e.repository?.name ?? e.repositoryName;
    return {
      title: `${e.username} - ${e.action.replace(/_/g, ' ')}${repo ? ` ${repo}` : ''}`,
      link: repo ? `${base}/${repo}/changelog` : base,
      authorName: e.username,
      authorEmail: e.user?.email ?? '',
      date: new Date(e.date),
      // the action's parameters as plain text (escaped by the XML writer)
      html: e.parameter ?? '',
      id: `journal-${e.id}`,
    };
  }
}
