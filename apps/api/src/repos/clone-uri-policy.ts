import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { parseRemoteUrl } from '@grove/vcs';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * Which remotes a repository may be imported or pulled from: http(s) and ssh to public hosts.
 * Local paths, `file:` URLs, and hosts that resolve to loopback, link-local or unspecified
 * addresses are refused unless the site allows them (`clone_uri_allow_local`), so the server
 * cannot be used to read its own disk or probe its own network.
 */
export async function checkCloneUri(uri: string, allowLocal: boolean): Promise<void> {
  let remote;
  try {
    remote = parseRemoteUrl(uri, { allowLocal, scpLike: true });
  } catch (error) {
    throw new DomainError(ErrorCode.Validation, error instanceof Error ? error.message : 'Invalid clone URI', { field: 'cloneUri' });
  }
  if (allowLocal || remote.kind === 'local') return;
  const host = hostOf(uri);
  if (!host) throw new DomainError(ErrorCode.Validation, 'The clone URI has no host', { field: 'cloneUri' });
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new DomainError(ErrorCode.Validation, `Cannot resolve the host of the clone URI (${host})`, { field: 'cloneUri' });
  }
  const local = addresses.find(isLocalAddress);
  if (local) {
    throw new DomainError(ErrorCode.Validation, `Clone URIs pointing at this server's own network are not allowed (${host} is ${local})`, { field: 'cloneUri' });
  }
}

function hostOf(uri: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
  if (scheme) {
    try {
      return new URL(uri.replace(/^ssh:/i, 'http:')).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return undefined;
    }
  }
  return /^[^@]+@([^:]+):/.exec(uri)?.[1];
}

/** Loopback, link-local, unspecified (v4, v6 and v4-mapped v6). */
export function isLocalAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(a) === 4) {
    const [o1, o2] = a.split('.').map(Number);
    return o1 === 127 || o1 === 0 || (o1 === 169 && o2 === 254);
  }
  return a === '::1' || a === '::' || /^fe[89ab]/.test(a);
}
