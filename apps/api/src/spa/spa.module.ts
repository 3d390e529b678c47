import { Module } from '@nestjs/common';
import { SpaController } from './spa.controller';
import { SpaIndex } from './spa-index';

/** Registered last so its catch-all route never shadows an API route. */
@Module({ controllers: [SpaController], providers: [SpaIndex] })
export class SpaModule {}
