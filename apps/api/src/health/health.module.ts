import { Module } from '@nestjs/common';
import { VcsModule } from '../vcs/vcs.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [VcsModule], controllers: [HealthController], providers: [HealthService], exports: [HealthService] })
export class HealthModule {}
