import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { SettingsModule } from '../settings/settings.module';
import { VcsModule } from '../vcs/vcs.module';
import { PathResolverService } from './path-resolver.service';
import { RepoBrowseService } from './repo-browse.service';
import { RepoScanService } from './repo-scan.service';
import { ReposController } from './repos.controller';
import { ReposService } from './repos.service';

@Module({
  imports: [PermissionsModule, VcsModule, JournalModule, SettingsModule],
  controllers: [ReposController],
  providers: [RepoBrowseService, ReposService, RepoScanService, PathResolverService],
  exports: [ReposService, RepoScanService, PathResolverService],
})
export class ReposModule {}
