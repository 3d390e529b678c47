import { Inject, Injectable } from '@nestjs/common';
import type { PushChanges } from '@grove/vcs';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.token';

/** What a push did, for later consumers (indexing, notifications, webhooks). */
export interface RepositoryPushedEvent {
  repository: { id: number; name: string; type: 'git' | 'hg' };
  user: { id: number; username: string };
  ip: string;
  channel: 'http' | 'ssh';
  /** the repository was created by this push (push-to-create) */
  created: boolean;
  changes: PushChanges;
}

type Listener = (event: RepositoryPushedEvent) => void | Promise<void>;

/**
 * In-process "pushed" events. Listeners run after the gateway's own bookkeeping, one after the
 * other; a failing listener is logged and never affects the push or the other listeners.
 */
@Injectable()
export class RepositoryEventsService {
  private readonly listeners = new Set<Listener>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  /** Subscribes; returns the function that unsubscribes. */
  onPushed(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emitPushed(event: RepositoryPushedEvent): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(event);
      } catch (err) {
        this.logger.error({ err, repository: event.repository.name }, 'a "pushed" listener failed');
      }
    }
  }
}
