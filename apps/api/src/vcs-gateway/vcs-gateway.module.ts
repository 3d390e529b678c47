import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CustomHooksModule } from '../custom-hooks/custom-hooks.module';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { RepoGroupsModule } from '../repo-groups/repo-groups.module';
import { ReposModule } from '../repos/repos.module';
import { SettingsModule } from '../settings/settings.module';
import { VcsModule } from '../vcs/vcs.module';
import { PushJournalService } from './push-journal.service';
import { RepositoryEventsService } from './repository-events.service';
import { SshCommandService } from './ssh-command.service';
import { SshServerService } from './ssh-server.service';
import { VcsAccessService } from './vcs-access.service';
import { VcsHttpGateway } from './vcs-http.gateway';

/** git and hg clone/pull/push over HTTP (and SSH), under Grove's permissions, with the push journal. */
@Module({
  imports: [AuthModule, CustomHooksModule, JournalModule, PermissionsModule, RepoGroupsModule, ReposModule, SettingsModule, VcsModule],
  providers: [VcsAccessService, PushJournalService, RepositoryEventsService, VcsHttpGateway, SshCommandService, SshServerService],
  exports: [RepositoryEventsService, VcsAccessService, PushJournalService, SshCommandService, SshServerService],
})
export class VcsGatewayModule {}
