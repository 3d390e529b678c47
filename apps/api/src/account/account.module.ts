import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

@Module({ imports: [AuthModule, UsersModule, PermissionsModule], controllers: [AccountController], providers: [AccountService] })
export class AccountModule {}
