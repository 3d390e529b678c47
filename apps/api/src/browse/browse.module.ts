import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { ReposModule } from '../repos/repos.module';
import { SettingsModule } from '../settings/settings.module';
import { VcsModule } from '../vcs/vcs.module';
import { ArchivesController } from './archives/archives.controller';
import { ChangesetPresenter } from './changeset-presenter.service';
import { ChangesetsController } from './changesets/changesets.controller';
import { ChangesetsService } from './changesets/changesets.service';
import { CompareController } from './compare/compare.controller';
import { CompareService } from './compare/compare.service';
import { EditingController } from './editing/editing.controller';
import { EditingService } from './editing/editing.service';
import { FeedsController } from './feeds/feeds.controller';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { JournalController } from './journal/journal.controller';
import { JournalQueryService } from './journal/journal-query.service';
import { RepoContextService } from './repo-context.service';
import { SocialController } from './social/social.controller';
import { SummaryController } from './summary/summary.controller';
import { SummaryService } from './summary/summary.service';

/** Repository browsing REST endpoints (docs/rest-browse.md) over libs/vcs and the permission service. */
@Module({
  imports: [PermissionsModule, VcsModule, ReposModule, JournalModule, SettingsModule],
  controllers: [SummaryController, ChangesetsController, FilesController, EditingController, CompareController, ArchivesController, SocialController, FeedsController, JournalController],
  providers: [RepoContextService, ChangesetPresenter, ChangesetsService, FilesService, EditingService, CompareService, SummaryService, JournalQueryService],
})
export class BrowseModule {}
