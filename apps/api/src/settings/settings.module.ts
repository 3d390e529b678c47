import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { Setting } from './setting.entity';
import { SettingsService } from './settings.service';
import { SiteController } from './site.controller';
import { UiSetting } from './ui-setting.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Setting, UiSetting, User])],
  controllers: [SiteController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
