import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { notFound } from '../common/errors/domain-error';
import { DataUrlsService } from '../browse/data-urls/data-urls.service';
import { SpaIndex } from './spa-index';

/**
 * History fallback: every GET that no API route or static file answers gets the SPA's
 * index.html, and the client-side router takes over. Unknown API paths stay JSON 404s.
 */
@ApiExcludeController()
@Controller()
export class SpaController {
  constructor(
    @Inject(SpaIndex) private readonly index: SpaIndex,
    private readonly dataUrls: DataUrlsService,
  ) {}

  @Public()
  @Get('*')
  async fallback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/_admin/api')) throw notFound(`No API route ${path}`);
    // raw files, archives, diffs, patches and feeds are answered with bytes, not the page (web-ui.md preamble)
    if (await this.dataUrls.handle(request, reply)) return;
    const html = await this.index.html();
    if (html === null) throw notFound('The web UI is not built: run `pnpm nx build web`');
    await reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  }
}
