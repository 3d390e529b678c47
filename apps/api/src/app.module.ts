import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AccountModule } from './account/account.module';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { BrowseModule } from './browse/browse.module';
import type { GroveConfig } from './config/config';
import { CoreModule } from './core.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { JournalModule } from './journal/journal.module';
import { JsonRpcModule } from './jsonrpc/jsonrpc.module';
import { PermissionsModule } from './permissions/permissions.module';
import { RepoGroupsModule } from './repo-groups/repo-groups.module';
import { ReposModule } from './repos/repos.module';
import { SettingsModule } from './settings/settings.module';
import { CustomHooksModule } from './custom-hooks/custom-hooks.module';
import { SpaModule } from './spa/spa.module';
import { StatisticsModule } from './statistics/statistics.module';
import { UserGroupsModule } from './user-groups/user-groups.module';
import { UsersModule } from './users/users.module';
import { VcsGatewayModule } from './vcs-gateway/vcs-gateway.module';

@Module({})
export class AppModule {
  static forRoot(config: GroveConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, logger),
        DatabaseModule,
        AuthModule,
        JournalModule,
        SettingsModule,
        CustomHooksModule,
        PermissionsModule,
        UsersModule,
        AccountModule,
        UserGroupsModule,
        RepoGroupsModule,
        ReposModule,
        StatisticsModule,
        BrowseModule,
        AdminModule,
        HealthModule,
        JsonRpcModule,
        VcsGatewayModule,
        // last: its catch-all GET must not shadow the routes above
        SpaModule,
      ],
    };
  }
}
