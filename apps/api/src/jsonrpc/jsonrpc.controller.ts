import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OwnCredentials } from '../auth/access.decorators';
import { JsonRpcBody } from './jsonrpc-body';
import { JsonRpcDispatcher, serializeEnvelope } from './jsonrpc-dispatcher';

const ANSWERED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * Kallithea's JSON-RPC endpoint, `POST /_admin/api` (spec/jsonrpc-api.md). The envelope carries
 * its own API key and every outcome — bad JSON, bad key, refusals — is an envelope with HTTP 200,
 * so the route is public and the global guard leaves it alone. Other HTTP methods get a plain 405.
 */
@ApiExcludeController()
@Controller('_admin')
export class JsonRpcController {
  constructor(private readonly dispatcher: JsonRpcDispatcher) {}

  @OwnCredentials()
  @All('api')
  async call(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!ANSWERED_METHODS.has(request.method)) {
      await reply.status(405).header('allow', 'GET, HEAD, POST').send({ message: `Method ${request.method} not allowed` });
      return;
    }
    const contentLength = request.headers['content-length'];
    const envelope = await this.dispatcher.handle({
      contentLength: typeof contentLength === 'string' ? contentLength : undefined,
      body: request.body instanceof JsonRpcBody ? request.body : undefined,
      ip: request.clientIp ?? '',
    });
    await reply.status(200).header('content-type', 'application/json').header('cache-control', 'no-store').send(serializeEnvelope(envelope));
  }
}
