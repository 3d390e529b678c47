import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { AuthorizedKeysFileService } from './authorized-keys-file.service';
import { UserCredentialsService } from './user-credentials.service';
import { UserEmail } from './user-email.entity';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserEmail]), JournalModule, PermissionsModule],
  controllers: [UsersController],
  providers: [UsersService, UserCredentialsService, AuthorizedKeysFileService],
  exports: [UsersService, UserCredentialsService, AuthorizedKeysFileService],
})
export class UsersModule {}
