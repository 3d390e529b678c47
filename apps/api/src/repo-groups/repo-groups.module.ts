import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module';
import { VcsModule } from '../vcs/vcs.module';
import { RepoGroupsController } from './repo-groups.controller';
import { RepoGroupsService } from './repo-groups.service';

@Module({
  imports: [PermissionsModule, VcsModule],
  controllers: [RepoGroupsController],
  providers: [RepoGroupsService],
  exports: [RepoGroupsService],
})
export class RepoGroupsModule {}
