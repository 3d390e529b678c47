import { Module } from '@nestjs/common';
import { PermissionsModule } from '../permissions/permissions.module';
import { ReposModule } from '../repos/repos.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { AdminController } from './admin.controller';
import { DirectoryService } from './directory.service';

@Module({ imports: [PermissionsModule, ReposModule, SettingsModule, UsersModule], controllers: [AdminController], providers: [DirectoryService] })
export class AdminModule {}
