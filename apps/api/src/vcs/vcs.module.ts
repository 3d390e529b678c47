import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { VcsService } from '@grove/vcs';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.token';
import { SettingsModule } from '../settings/settings.module';
import { SettingsService } from '../settings/settings.service';

/**
 * The process's one `VcsService` (libs/vcs), rooted at the repositories root the installation
 * keeps in its settings. Services inject `VcsService`; nothing else runs git or hg.
 */
@Module({
  imports: [SettingsModule],
  providers: [
    {
      provide: VcsService,
      inject: [SettingsService, LOGGER],
      useFactory: async (settings: SettingsService, logger: Logger) =>
        new VcsService({
          reposRoot: await settings.reposRoot(),
          logger: (level, message, details) => logger[level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'debug']({ ...details, component: 'vcs' }, message),
        }),
    },
  ],
  exports: [VcsService],
})
export class VcsModule implements OnApplicationShutdown {
  constructor(@Inject(VcsService) private readonly vcs: VcsService) {}

  async onApplicationShutdown() {
    await this.vcs.close();
  }
}
