import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { PermissionsModule } from '../permissions/permissions.module';
import { UserGroupsController } from './user-groups.controller';
import { UserGroupsService } from './user-groups.service';

@Module({
  imports: [PermissionsModule, JournalModule],
  controllers: [UserGroupsController],
  providers: [UserGroupsService],
  exports: [UserGroupsService],
})
export class UserGroupsModule {}
