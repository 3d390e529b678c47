import { Module } from '@nestjs/common';
import { BrowseModule } from '../browse/browse.module';
import { SpaController } from './spa.controller';
import { SpaIndex } from './spa-index';

/** Registered last so its catch-all route never shadows an API route. */
@Module({ imports: [BrowseModule], controllers: [SpaController], providers: [SpaIndex] })
export class SpaModule {}
