import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { buildDataSourceOptions, createDataSource } from './data-source';

/** The one TypeORM data source; migrations run at start (see bootstrap), never `synchronize`. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [GROVE_CONFIG],
      useFactory: (config: GroveConfig) => ({ ...buildDataSourceOptions(config.database), migrationsRun: true }),
      dataSourceFactory: async (options) => createDataSource(options!),
    }),
  ],
})
export class DatabaseModule {}
