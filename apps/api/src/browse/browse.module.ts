import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { ReposModule } from '../repos/repos.module';
import { SettingsModule } from '../settings/settings.module';
import { VcsModule } from '../vcs/vcs.module';
import { ArchivesController } from './archives/archives.controller';
import { ArchivesService } from './archives/archives.service';
import { AvatarsService } from './avatars.service';
import { ChangesetPresenter } from './changeset-presenter.service';
import { ChangesetsController } from './changesets/changesets.controller';
import { ChangesetsService } from './changesets/changesets.service';
import { CompareController } from './compare/compare.controller';
import { CompareService } from './compare/compare.service';
import { DataUrlsService } from './data-urls/data-urls.service';
import { EditingController } from './editing/editing.controller';
import { EditingService } from './editing/editing.service';
import { FeedsController } from './feeds/feeds.controller';
import { FeedsService } from './feeds/feeds.service';
import { FilesController } from './files/files.controller';
import { FilesService } from './files/files.service';
import { JournalController } from './journal/journal.controller';
import { JournalFeedsService } from './journal/journal-feeds.service';
import { JournalQueryService } from './journal/journal-query.service';
import { RepoContextService } from './repo-context.service';
import { SocialController } from './social/social.controller';
import { SummaryController } from './summary/summary.controller';
import { SummaryService } from './summary/summary.service';

/** Repository browsing REST endpoints (docs/rest-browse.md) over libs/vcs and the permission service. */
@Module({
  imports: [PermissionsModule, VcsModule, ReposModule, JournalModule, SettingsModule],
  controllers: [SummaryController, ChangesetsController, FilesController, EditingController, CompareController, ArchivesController, SocialController, FeedsController, JournalController],
  providers: [RepoContextService, ChangesetPresenter, ChangesetsService, FilesService, EditingService, CompareService, SummaryService, JournalQueryService, ArchivesService, FeedsService, DataUrlsService, JournalFeedsService, AvatarsService],
  // the SPA's history fallback asks it first, so data URLs get bytes rather than the page
  exports: [DataUrlsService],
})
export class BrowseModule {}
