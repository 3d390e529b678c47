import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/** `attachment; filename=…` with an ASCII fallback and the RFC 5987 UTF-8 form. */
export function attachment(filename: string, inline = false): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends bytes with a fixed type; `nosniff` so browsers never guess HTML out of repository content. */
export async function sendBytes(reply: FastifyReply, body: Buffer | string | Readable, contentType: string, disposition?: string): Promise<void> {
  reply.header('content-type', contentType).header('x-content-type-options', 'nosniff');
  // Repository content may be anything: never let it run as a page of this origin.
  reply.header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox");
  if (disposition) reply.header('content-disposition', disposition);
  await reply.send(body);
}
