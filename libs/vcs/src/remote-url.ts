import { isAbsolute } from 'node:path';
import { invalidArgument } from './errors';
import { redactCredentials } from './process/redact';

/** How a remote is reached. */
export type RemoteKind = 'http' | 'ssh' | 'local';

/** A checked remote URL. */
export interface RemoteUrl {
  kind: RemoteKind;
  url: string;
  /** The URL with credentials stripped, for logs and messages. */
  display: string;
}

/**
 * Checks a URL to clone or pull from: `http(s)://`, `ssh://` (and git's `user@host:path`), and a
 * local path or `file://` URL only when `allowLocal` is set. Anything else — `ext::`, `fd::`,
 * option-like values, control characters — is refused with `InvalidArgument`.
 */
export function parseRemoteUrl(url: string, { allowLocal = false, scpLike = false }: { allowLocal?: boolean; scpLike?: boolean } = {}): RemoteUrl {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) throw invalidArgument('Invalid remote URL');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url) || url.startsWith('-')) throw invalidArgument('Invalid remote URL');
  const display = redactCredentials(url);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalidArgument(`Invalid remote URL ${display}`);
    }
    if (!parsed.hostname || parsed.hostname.startsWith('-')) throw invalidArgument(`Invalid remote URL ${display}`);
    return { kind: 'http', url, display };
  }
  if (scheme === 'ssh') {
    const host = /^ssh:\/\/(?:[^@/]*@)?([^/:]+)/i.exec(url)?.[1];
    if (!host || host.startsWith('-')) throw invalidArgument(`Invalid remote URL ${display}`);
    return { kind: 'ssh', url, display };
  }
  if (scheme === 'file') {
    if (!allowLocal) throw invalidArgument('Local repositories may not be used as a remote');
    return { kind: 'local', url, display };
  }
  if (scheme !== undefined || url.includes('::')) throw invalidArgument(`Unsupported remote URL ${display}`);
  if (scpLike && /^[A-Za-z0-9._~+-]+@[A-Za-z0-9.-]+:[^/]/.test(url) && !url.split('@')[1].startsWith('-')) {
    return { kind: 'ssh', url, display };
  }
  if (isAbsolute(url)) {
    if (!allowLocal) throw invalidArgument('Local repositories may not be used as a remote');
    return { kind: 'local', url, display };
  }
  throw invalidArgument(`Unsupported remote URL ${display}`);
}
