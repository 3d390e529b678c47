import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UserLog } from './user-log.entity';

export interface JournalEntry {
  user: { id: number; username: string };
  action: string;
  parameter?: string;
  repository?: { id: number; name: string };
  ip?: string;
}

/** Writes the journal (`user_logs`): who did what, to which repository, from where. */
@Injectable()
export class JournalService {
  constructor(@InjectRepository(UserLog) private readonly logs: Repository<UserLog>) {}

  /** Records an entry; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(entry: JournalEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(UserLog) : this.logs;
    await repo.insert({
      userId: entry.user.id,
      username: entry.user.username,
      action: entry.parameter !== undefined ? `${entry.action}:${entry.parameter}` : entry.action,
      repositoryId: entry.repository?.id ?? null,
      repositoryName: entry.repository?.name ?? '',
      userIp: entry.ip ?? null,
      actionDate: new Date(),
    });
  }
}
