// IP allow-lists (permissions.md §11): parsing IPv4/IPv6 addresses and CIDRs with BigInt
// arithmetic (browser-safe, no Node `net`), matching, and display ranges.

/** A parsed single address. IPv4 values are 32-bit, IPv6 values 128-bit. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

/** A parsed allow-list entry: a network (a bare address is a /32 or /128 network). */
export interface IpNetwork {
  version: 4 | 6;
  /** The address as written (host bits are kept, as Kallithea stores them). */
  address: bigint;
  prefixLength: number;
  /** First and last address of the network. */
  first: bigint;
  last: bigint;
}

/** Thrown for an allow-list entry that is not an address or CIDR; the API answers 400 with `message`. */
export class InvalidIpEntryError extends Error {
  readonly code = 'INVALID_IP_ENTRY';
  constructor(
    readonly entry: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidIpEntryError';
  }
}

const BITS = { 4: 32, 6: 128 } as const;
const IPV4_MAPPED_PREFIX = 0xffffn << 32n;

/** Parses a bare IPv4 or IPv6 address (no prefix, no zone); undefined when it is not one. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 !== undefined) return { version: 6, value: v6 };
  return undefined;
}

/**
 * Parses a client address as seen by the server: trims it, drops an IPv6 zone suffix (`%eth0`)
 * and turns an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) into IPv4. Undefined when invalid.
 */
export function parseClientAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  const zone = trimmed.indexOf('%');
  const parsed = parseIpAddress(zone >= 0 ? trimmed.slice(0, zone) : trimmed);
  if (parsed?.version === 6 && parsed.value >> 32n === 0xffffn) return { version: 4, value: parsed.value & 0xffffffffn };
  return parsed;
}

/**
 * Parses an allow-list entry: an IPv4/IPv6 address or CIDR (`10.0.0.0/8`, `2001:db8::/32`);
 * a bare address means that one host. Host bits after the prefix are allowed (the network is
 * what counts). Throws {@link InvalidIpEntryError} with a message naming the problem.
 */
export function parseIpNetwork(entry: string): IpNetwork {
  const text = entry.trim();
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const address = parseIpAddress(addressText);
  if (address === undefined) {
    throw new InvalidIpEntryError(entry, `'${entry}' is not a valid IPv4 or IPv6 address or network`);
  }
  const maxBits = BITS[address.version];
  let prefixLength: number = maxBits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxBits) {
      throw new InvalidIpEntryError(entry, `The network size (bits) of '${entry}' must be within 0-${maxBits} (not '${prefixText}')`);
    }
    prefixLength = Number(prefixText);
  }
  const hostBits = BigInt(maxBits - prefixLength);
  const first = (address.value >> hostBits) << hostBits;
  const last = first | ((1n << hostBits) - 1n);
  return { version: address.version, address: address.value, prefixLength, first, last };
}

/** Like {@link parseIpNetwork} but returns the problem instead of throwing. */
export function tryParseIpNetwork(entry: string): { ok: true; network: IpNetwork } | { ok: false; message: string } {
  try {
    return { ok: true, network: parseIpNetwork(entry) };
  } catch (error) {
    if (error instanceof InvalidIpEntryError) return { ok: false, message: error.message };
    throw error;
  }
}

/** True when `address` lies in `network`; an IPv4 address also matches IPv6 networks through its `::ffff:` form. */
export function ipNetworkContains(network: IpNetwork, address: IpAddress): boolean {
  let value = address.value;
  if (network.version !== address.version) {
    if (network.version === 4) return false;
    value = IPV4_MAPPED_PREFIX | address.value;
  }
  return value >= network.first && value <= network.last;
}

/**
 * §11: may `clientIp` be used by a user whose list is `userEntries`, given the global list
 * (the default user's entries)? Allowed set = global ∪ user; an empty union allows every
 * address. Never throws: an unparsable client address is refused, and an unparsable stored
 * entry matches nothing (but still makes the list non-empty, so bad data fails closed).
 */
export function isIpAllowed(clientIp: string, globalEntries: readonly string[], userEntries: readonly string[]): boolean {
  const address = parseClientAddress(clientIp);
  if (address === undefined) return false;
  if (globalEntries.length === 0 && userEntries.length === 0) return true;
  for (const entry of [...globalEntries, ...userEntries]) {
    const parsed = tryParseIpNetwork(entry);
    if (parsed.ok && ipNetworkContains(parsed.network, address)) return true;
  }
  return false;
}

/**
 * Anonymous access (§8, §11, [FIX-3]): on only while the default user is active **and** the
 * client passes the global list; otherwise every channel treats the request as anonymous-off.
 */
export function isAnonymousAccessAllowed(defaultUserActive: boolean, clientIp: string, globalEntries: readonly string[]): boolean {
  return defaultUserActive && isIpAllowed(clientIp, globalEntries, []);
}

/**
 * §11 client address: `X-Real-IP`, else the first element of `X-Forwarded-For`, else the socket
 * address — headers only when the request came from a trusted proxy (Grove's SHOULD). The zone
 * suffix is dropped. Returns the raw text; {@link isIpAllowed} refuses it if it is not an address.
 */
export function pickClientAddress(request: {
  socketAddress: string;
  xRealIp?: string | undefined;
  xForwardedFor?: string | undefined;
  trustProxyHeaders: boolean;
}): string {
  let chosen = request.socketAddress;
  if (request.trustProxyHeaders) {
    const realIp = request.xRealIp?.trim();
    const forwarded = request.xForwardedFor?.split(',')[0]?.trim();
    if (realIp) chosen = realIp;
    else if (forwarded) chosen = forwarded;
  }
  chosen = chosen.trim();
  const zone = chosen.indexOf('%');
  return zone >= 0 ? chosen.slice(0, zone) : chosen;
}

/** Formats an address canonically (dotted quad; RFC 5952 compressed lower-case IPv6). */
export function formatIpAddress(address: IpAddress): string {
  return address.version === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
}

/** The stored form of an entry: canonical address plus an explicit prefix (`10.0.0.1` → `10.0.0.1/32`). Throws like {@link parseIpNetwork}. */
export function normalizeIpEntry(entry: string): string {
  const network = parseIpNetwork(entry);
  return `${formatIpAddress({ version: network.version, value: network.address })}/${network.prefixLength}`;
}

/** web-ui §2.8 / API `get_ip`: the entry as a start–end range. Throws like {@link parseIpNetwork}. */
export function ipEntryRange(entry: string): { start: string; end: string } {
  const network = parseIpNetwork(entry);
  return {
    start: formatIpAddress({ version: network.version, value: network.first }),
    end: formatIpAddress({ version: network.version, value: network.last }),
  };
}

function parseIpv4(text: string): bigint | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  let value = 0n;
  for (const part of match.slice(1)) {
    // Leading zeros are refused: some parsers read them as octal, so their meaning is ambiguous.
    if ((part.length > 1 && part.startsWith('0')) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!text.includes(':')) return undefined;
  const gap = text.indexOf('::');
  if (gap >= 0 && text.indexOf('::', gap + 1) >= 0) return undefined;
  const splitGroups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = gap >= 0 ? splitGroups(text.slice(0, gap)) : splitGroups(text);
  const tail = gap >= 0 ? splitGroups(text.slice(gap + 2)) : [];

  const toWords = (groups: string[], mayEndInIpv4: boolean): number[] | undefined => {
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as string;
      if (mayEndInIpv4 && i === groups.length - 1 && group.includes('.')) {
        const v4 = parseIpv4(group);
        if (v4 === undefined) return undefined;
        words.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return undefined;
      }
    }
    return words;
  };

  const headWords = toWords(head, gap < 0);
  const tailWords = toWords(tail, true);
  if (headWords === undefined || tailWords === undefined) return undefined;
  const total = headWords.length + tailWords.length;
  if (gap < 0 ? total !== 8 : total > 7) return undefined;
  const words = [...headWords, ...new Array<number>(8 - total).fill(0), ...tailWords];
  return words.reduce((value, word) => (value << 16n) | BigInt(word), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
}

function formatIpv6(value: bigint): string {
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted tail.
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: compress the longest run (≥ 2) of zero words, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
