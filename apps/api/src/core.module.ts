import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from './common/logging/logger.token';
import type { GroveConfig } from './config/config';
import { GROVE_CONFIG } from './config/config.token';

/** The validated configuration and the process logger, available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: GroveConfig, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: GROVE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [GROVE_CONFIG, LOGGER],
    };
  }
}
