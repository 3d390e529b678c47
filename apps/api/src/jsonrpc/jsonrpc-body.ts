import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where Kallithea clients send their calls. */
export const JSONRPC_PATH = '/_admin/api';

/** Largest request body read; a bigger one is answered with an envelope error (never a 413 page). */
export const JSONRPC_BODY_LIMIT = 8 * 1024 * 1024;

/** The media type every request to {@link JSONRPC_PATH} is given, so that only our parser reads it. */
const JSONRPC_MEDIA_TYPE = 'application/x-grove-jsonrpc';

/** The raw bytes of a JSON-RPC request; `tooLarge` when it exceeded the limit (the bytes are then dropped). */
export class JsonRpcBody {
  constructor(
    readonly bytes: Buffer,
    readonly tooLarge: boolean,
  ) {}
}

/**
 * Makes Fastify hand the JSON-RPC endpoint its raw body whatever the request says it is:
 * Kallithea's own client sends `text/plain`, others `application/json`, form types or nothing,
 * and a malformed, non-JSON or huge body must still get an envelope (jsonrpc-api.md §1). A request
 * to the endpoint is relabelled before parsing, and its parser only collects bytes — it never
 * fails on content, so no Fastify 400/413/415 page can answer instead of the envelope.
 */
export function registerJsonRpcBodyParsing(fastify: FastifyInstance, limit = JSONRPC_BODY_LIMIT): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.url === JSONRPC_PATH) request.headers['content-type'] = JSONRPC_MEDIA_TYPE;
  });
  fastify.addContentTypeParser(JSONRPC_MEDIA_TYPE, (_request, payload, done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done(null, new JsonRpcBody(tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge));
    };
    payload.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // keep draining without keeping anything; the answer is already decided
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        finish();
      } else {
        chunks.push(chunk);
      }
    });
    payload.on('end', finish);
    payload.on('error', (error: Error) => {
      // The client went away mid-body; there is nobody left to answer.
      if (finished) return;
      finished = true;
      done(error, undefined);
    });
  });
}
