import {
  InvalidIpEntryError,
  formatIpAddress,
  ipEntryRange,
  isAnonymousAccessAllowed,
  isIpAllowed,
  normalizeIpEntry,
  parseClientAddress,
  parseIpAddress,
  parseIpNetwork,
  pickClientAddress,
  tryParseIpNetwork,
} from './ip-allow-list';

describe('§11 address parsing', () => {
  it.each<[string, string]>([
    ['10.0.0.1', '10.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'], // longest zero run is compressed
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'], // first run on a tie
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'], // a single zero word is not compressed
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'], // RFC 5952 §5 keeps the dotted tail
    ['::ffff:c000:201', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ])('%s parses and formats as %s', (text, formatted) => {
    const address = parseIpAddress(text);
    expect(address).toBeDefined();
    if (address) expect(formatIpAddress(address)).toBe(formatted);
  });

  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '10.0.0.01', // leading zero: ambiguous (octal in some parsers)
    '10.0.0.1.1',
    '1.2.3.-4',
    ' 10.0.0.1x',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'g::1',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1.2.3.4::',
    '::1.2.3',
    'localhost',
  ])('%j is not an address', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
});

describe('§11 client address', () => {
  it.each<[string, string | undefined]>([
    ['10.1.2.3', '10.1.2.3'],
    [' 10.1.2.3 ', '10.1.2.3'],
    ['fe80::1%eth0', 'fe80::1'], // zone dropped
    ['::ffff:10.1.2.3', '10.1.2.3'], // IPv4-mapped becomes IPv4
    ['::FFFF:a01:203', '10.1.2.3'],
    ['::1', '::1'],
    ['unix:/run/grove.sock', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    const address = parseClientAddress(text);
    expect(address === undefined ? undefined : formatIpAddress(address)).toBe(expected);
  });

  it.each<[string, Parameters<typeof pickClientAddress>[0], string]>([
    ['X-Real-IP first', { socketAddress: '127.0.0.1', xRealIp: '10.0.0.5', xForwardedFor: '10.0.0.6', trustProxyHeaders: true }, '10.0.0.5'],
    ['else the first element of X-Forwarded-For', { socketAddress: '127.0.0.1', xForwardedFor: ' 10.0.0.6 , 10.0.0.7', trustProxyHeaders: true }, '10.0.0.6'],
    ['else the socket address', { socketAddress: '192.168.1.1', trustProxyHeaders: true }, '192.168.1.1'],
    ['empty headers fall through', { socketAddress: '192.168.1.1', xRealIp: ' ', xForwardedFor: '', trustProxyHeaders: true }, '192.168.1.1'],
    ['headers ignored from untrusted peers', { socketAddress: '192.168.1.1', xRealIp: '10.0.0.5', xForwardedFor: '10.0.0.6', trustProxyHeaders: false }, '192.168.1.1'],
    ['zone suffix dropped', { socketAddress: 'fe80::1%eth0', trustProxyHeaders: false }, 'fe80::1'],
  ])('%s', (_title, request, expected) => {
    expect(pickClientAddress(request)).toBe(expected);
  });
});

describe('§11 entries', () => {
  it.each<[string, string, string, string]>([
    // entry, stored form, range start, range end
    ['10.0.0.0/8', '10.0.0.0/8', '10.0.0.0', '10.255.255.255'],
    ['192.168.1.7', '192.168.1.7/32', '192.168.1.7', '192.168.1.7'], // bare address = one host
    ['192.168.1.7/24', '192.168.1.7/24', '192.168.1.0', '192.168.1.255'], // host bits allowed
    [' 172.16.0.0/12 ', '172.16.0.0/12', '172.16.0.0', '172.31.255.255'],
    ['0.0.0.0/0', '0.0.0.0/0', '0.0.0.0', '255.255.255.255'],
    ['2001:db8::/32', '2001:db8::/32', '2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['2001:DB8::1', '2001:db8::1/128', '2001:db8::1', '2001:db8::1'],
    ['::ffff:10.0.0.0/104', '::ffff:10.0.0.0/104', '::ffff:10.0.0.0', '::ffff:10.255.255.255'],
    ['::/0', '::/0', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('%j → stored %s, range %s – %s', (entry, stored, start, end) => {
    expect(normalizeIpEntry(entry)).toBe(stored);
    expect(ipEntryRange(entry)).toEqual({ start, end });
  });

  it.each<[string, string]>([
    ['', "'' is not a valid IPv4 or IPv6 address or network"],
    ['10.0.0.0/33', "The network size (bits) of '10.0.0.0/33' must be within 0-32 (not '33')"],
    ['2001:db8::/129', "The network size (bits) of '2001:db8::/129' must be within 0-128 (not '129')"],
    ['10.0.0.0/', "The network size (bits) of '10.0.0.0/' must be within 0-32 (not '')"],
    ['10.0.0.0/8/8', "The network size (bits) of '10.0.0.0/8/8' must be within 0-32 (not '8/8')"],
    ['10.0.0.0/-1', "The network size (bits) of '10.0.0.0/-1' must be within 0-32 (not '-1')"],
    ['10.0.0.300/8', "'10.0.0.300/8' is not a valid IPv4 or IPv6 address or network"],
    ['example.com', "'example.com' is not a valid IPv4 or IPv6 address or network"],
    ['fe80::1%eth0', "'fe80::1%eth0' is not a valid IPv4 or IPv6 address or network"],
  ])('%j is refused: %s', (entry, message) => {
    expect(() => parseIpNetwork(entry)).toThrow(InvalidIpEntryError);
    expect(() => parseIpNetwork(entry)).toThrow(message);
    expect(tryParseIpNetwork(entry)).toEqual({ ok: false, message });
  });

  it('the error carries a code and the entry for the API to answer 400', () => {
    try {
      parseIpNetwork('nope');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidIpEntryError);
      expect((error as InvalidIpEntryError).code).toBe('INVALID_IP_ENTRY');
      expect((error as InvalidIpEntryError).entry).toBe('nope');
    }
  });
});

describe('§11 isIpAllowed: allowed = global ∪ user, empty union = everything', () => {
  it.each<[string, string, string[], string[], boolean]>([
    ['empty union allows any v4', '203.0.113.9', [], [], true],
    ['empty union allows any v6', '2001:db8::9', [], [], true],
    ['in the global list', '10.1.2.3', ['10.0.0.0/8'], [], true],
    ['outside the global list', '11.0.0.1', ['10.0.0.0/8'], [], false],
    ['personal entry widens a global list', '192.168.4.4', ['10.0.0.0/8'], ['192.168.0.0/16'], true],
    ['personal list restricts when there is no global list', '10.0.0.1', [], ['192.168.0.0/16'], false],
    ['bare address = that host only', '10.0.0.2', ['10.0.0.1'], [], false],
    ['bare address matches itself', '10.0.0.1', ['10.0.0.1'], [], true],
    ['range boundaries: first', '10.0.0.0', ['10.0.0.0/8'], [], true],
    ['range boundaries: last', '10.255.255.255', ['10.0.0.0/8'], [], true],
    ['range boundaries: just after', '11.0.0.0', ['10.0.0.0/8'], [], false],
    ['IPv4-mapped client matches an IPv4 entry', '::ffff:10.9.9.9', ['10.0.0.0/8'], [], true],
    ['IPv4 client matches an IPv4-mapped IPv6 entry', '10.9.9.9', ['::ffff:10.0.0.0/104'], [], true],
    ['IPv6 client does not match an IPv4 entry', '2001:db8::1', ['0.0.0.0/0'], [], false],
    ['IPv6 client in an IPv6 network', '2001:db8:1::1', ['2001:db8::/32'], [], true],
    ['IPv6 zone suffix dropped', 'fe80::1%en0', ['fe80::/10'], [], true],
    ['invalid client address is refused', 'not-an-ip', ['10.0.0.0/8'], [], false],
    ['invalid client address is refused even with empty lists', 'not-an-ip', [], [], false],
    ['invalid stored entry matches nothing but keeps the list non-empty', '10.0.0.1', ['garbage'], [], false],
    ['invalid stored entry does not hide a valid one', '10.0.0.1', ['garbage', '10.0.0.0/8'], [], true],
  ])('%s', (_title, client, globalEntries, userEntries, expected) => {
    expect(isIpAllowed(client, globalEntries, userEntries)).toBe(expected);
  });
});

describe('§8/§11 [FIX-3] anonymous access', () => {
  it.each<[string, boolean, string, string[], boolean]>([
    ['default user active, no global list', true, '203.0.113.1', [], true],
    ['default user inactive (anonymous access off)', false, '203.0.113.1', [], false],
    ['active, client inside the global list', true, '10.0.0.1', ['10.0.0.0/8'], true],
    ['[FIX-3] active, client outside the global list → treated as anonymous-off', true, '203.0.113.1', ['10.0.0.0/8'], false],
  ])('%s → %s', (_title, active, client, globalEntries, expected) => {
    expect(isAnonymousAccessAllowed(active, client, globalEntries)).toBe(expected);
  });
});
