import { Module } from '@nestjs/common';
import { DefaultPermissionsService } from './default-permissions.service';
import { PermissionGrantsService } from './permission-grants.service';
import { PermissionSummaryService } from './permission-summary.service';
import { PermissionsService } from './permissions.service';

@Module({
  providers: [PermissionsService, PermissionGrantsService, PermissionSummaryService, DefaultPermissionsService],
  exports: [PermissionsService, PermissionGrantsService, PermissionSummaryService, DefaultPermissionsService],
})
export class PermissionsModule {}
