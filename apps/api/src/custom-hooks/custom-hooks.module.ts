import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UiSetting } from '../settings/ui-setting.entity';
import { VcsModule } from '../vcs/vcs.module';
import { CustomHooksController } from './custom-hooks.controller';
import { CustomHooksService } from './custom-hooks.service';

/** Custom hooks from the settings (`ui` section `hooks`): admin REST, and running them after pushes. */
@Module({
  imports: [TypeOrmModule.forFeature([UiSetting]), VcsModule],
  controllers: [CustomHooksController],
  providers: [CustomHooksService],
  exports: [CustomHooksService],
})
export class CustomHooksModule {}
