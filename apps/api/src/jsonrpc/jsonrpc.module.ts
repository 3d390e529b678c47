import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HealthModule } from '../health/health.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { RepoGroupsModule } from '../repo-groups/repo-groups.module';
import { ReposModule } from '../repos/repos.module';
import { UserGroupsModule } from '../user-groups/user-groups.module';
import { UsersModule } from '../users/users.module';
import { VcsModule } from '../vcs/vcs.module';
import { JsonRpcController } from './jsonrpc.controller';
import { JsonRpcDispatcher } from './jsonrpc-dispatcher';
import { Lookups } from './lookups';
import { ChangesetMethods } from './methods/changesets.methods';
import { MiscMethods } from './methods/misc.methods';
import { PermissionMethods } from './methods/permissions.methods';
import { RepoGroupMethods } from './methods/repo-groups.methods';
import { RepoMethods } from './methods/repos.methods';
import { UserGroupMethods } from './methods/user-groups.methods';
import { UserMethods } from './methods/users.methods';
import { ShapeLoader } from './shape-loader';

/** The Kallithea-compatible JSON-RPC API at `/_admin/api`: a transport over the same services as REST. */
@Module({
  imports: [AuthModule, HealthModule, PermissionsModule, UsersModule, UserGroupsModule, RepoGroupsModule, ReposModule, VcsModule],
  controllers: [JsonRpcController],
  providers: [
    JsonRpcDispatcher,
    Lookups,
    ShapeLoader,
    MiscMethods,
    UserMethods,
    UserGroupMethods,
    RepoGroupMethods,
    RepoMethods,
    PermissionMethods,
    ChangesetMethods,
  ],
})
export class JsonRpcModule {}
