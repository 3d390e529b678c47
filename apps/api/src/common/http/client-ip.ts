import { ipNetworkContains, parseClientAddress, pickClientAddress, tryParseIpNetwork } from '@grove/shared';
import type { FastifyRequest } from 'fastify';

/**
 * The client address of a request: the socket peer, or — only when that peer is a configured
 * trusted proxy — `X-Real-IP` / the first `X-Forwarded-For` element (permissions.md §11).
 * Garbage in those headers yields a string that matches no allow-list entry; it never throws.
 */
export function clientIpOf(request: FastifyRequest, trustedProxies: readonly string[]): string {
  const socketAddress = request.socket?.remoteAddress ?? '';
  const peer = parseClientAddress(socketAddress);
  const trusted =
    peer !== undefined &&
    trustedProxies.some((entry) => {
      const parsed = tryParseIpNetwork(entry);
      return parsed.ok && ipNetworkContains(parsed.network, peer);
    });
  return pickClientAddress({
    socketAddress,
    xRealIp: headerValue(request.headers['x-real-ip']),
    xForwardedFor: headerValue(request.headers['x-forwarded-for']),
    trustProxyHeaders: trusted,
  }).slice(0, 100);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
