import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SiteInfo, siteInfoSchema } from '@grove/shared';
import { Public } from '../auth/access.decorators';
import { ZodResponse } from '../common/openapi/zod-openapi';
import { SettingsService } from './settings.service';

@ApiTags('site')
@Controller('api/v1/site')
export class SiteController {
  constructor(private readonly settings: SettingsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Public site facts for the login page and the layout' })
  @ZodResponse(siteInfoSchema)
  site(): Promise<SiteInfo> {
    return this.settings.siteInfo();
  }
}
