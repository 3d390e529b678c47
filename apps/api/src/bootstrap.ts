import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { clientIpOf } from './common/http/client-ip';
import { createLogger, PinoNestLogger } from './common/logging/logger';
import { registerJsonRpcBodyParsing } from './jsonrpc/jsonrpc-body';
import { VcsHttpGateway } from './vcs-gateway/vcs-http.gateway';
import type { GroveConfig } from './config/config';
import { GROVE_VERSION } from './version';

export interface GroveApp {
  app: NestFastifyApplication;
  logger: Logger;
  /** the URL the server listens on, after `listen()` */
  url?: string;
}

/** Request bodies of the JSON APIs are small; VCS pushes never pass through the body parser. */
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Builds the whole server (REST, SPA files, OpenAPI) without listening. Migrations run during
 * `init()`. Used by `grove serve`, the integration tests and the benchmarks alike.
 */
export async function createGroveApp(config: GroveConfig, logger: Logger = createLogger(config.logLevel)): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Requests are logged by our own onResponse hook (one structured line each).
    logger: false,
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: { maxParamLength: 1000 },
    // Long pushes and archive downloads must not be cut by a server-wide timeout.
    requestTimeout: 0,
    // hg sends wire-protocol arguments in headers: Node's 16 KB default answers 431.
    http: { maxHeaderSize: 64 * 1024 },
    trustProxy: false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    request.clientIp = clientIpOf(request, config.trustedProxies);
  });
  // git/hg requests are taken over here, before Nest routing and any body parser.
  app.get(VcsHttpGateway).register(fastify);
  // Kallithea clients send any content type (or none) and the endpoint must answer bad bodies itself.
  registerJsonRpcBodyParsing(fastify);
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    logger.info(
      { method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime), ip: request.clientIp },
      'request',
    );
  });
  app.useGlobalFilters(new HttpExceptionFilter(logger));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grove REST API')
      .setDescription('REST API of Grove. Authenticate with the session cookie (+ X-CSRF-Token) or `Authorization: Bearer <api key>`.')
      .setVersion(GROVE_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  if (existsSync(config.webDir)) {
    // One route per built file (no wildcard), so the SPA's history fallback keeps every other path.
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', wildcard: false, index: false, decorateReply: false });
  } else {
    logger.warn({ webDir: config.webDir }, 'web UI not built; only the APIs are served');
  }

  await app.init();
  return app;
}

/** API keys in query strings must not reach the log. */
function redactUrl(url: string): string {
  return url.replace(/([?&]api_key=)[^&]*/gi, '$1[redacted]');
}
