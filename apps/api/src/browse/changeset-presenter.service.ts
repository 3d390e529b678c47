import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Changeset } from '@grove/vcs';
import type { ChangesetDto } from '@grove/shared';
import { DataSource, In } from 'typeorm';
import { UserEmail } from '../users/user-email.entity';
import { User } from '../users/user.entity';
import { AvatarsService } from './avatars.service';

/** Changesets as the API sends them: the libs/vcs shape plus the local user behind the author e-mail (web-ui.md §3.6). */
@Injectable()
export class ChangesetPresenter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly avatars: AvatarsService,
  ) {}

  /** Maps author e-mails (lower-cased) to usernames: primary addresses first, then extra ones; two queries per batch. */
  async usernamesByEmail(emails: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set([...emails].map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')))];
    const out = new Map<string, string>();
    if (!wanted.length) return out;
    const m = this.dataSource.manager;
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const [primary, extra] = await Promise.all([
        m.find(User, { where: { email: In(chunk) }, select: { id: true, username: true, email: true } }),
        m.find(UserEmail, { where: { email: In(chunk) } }),
      ]);
      const extraOwners = extra.length ? await m.find(User, { where: { id: In([...new Set(extra.map((e) => e.userId))]) }, select: { id: true, username: true } }) : [];
      const nameOf = new Map(extraOwners.map((u) => [u.id, u.username]));
      for (const e of extra) if (nameOf.has(e.userId)) out.set(e.email.toLowerCase(), nameOf.get(e.userId)!);
      for (const u of primary) if (u.email && u.username !== 'default') out.set(u.email.toLowerCase(), u.username);
    }
    return out;
  }

  async many(changesets: readonly Changeset[]): Promise<ChangesetDto[]> {
    const [names, avatar] = await Promise.all([this.usernamesByEmail(changesets.map((c) => c.authorEmail)), this.avatars.resolver()]);
    return changesets.map((c) => ({ ...c, authorUsername: names.get(c.authorEmail.trim().toLowerCase()) ?? null, authorAvatarUrl: avatar(c.authorEmail) }));
  }

  async one(changeset: Changeset): Promise<ChangesetDto> {
    return (await this.many([changeset]))[0]!;
  }

  async record(changesets: Record<string, Changeset>): Promise<Record<string, ChangesetDto>> {
    const list = await this.many(Object.values(changesets));
    return Object.fromEntries(list.map((c) => [c.rawId, c]));
  }
}
