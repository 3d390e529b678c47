import { parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header, first value wins, malformed parts skipped', () => {
    expect(parseCookies('a=1; b="two"; =x; junk; a=3; c=%7B%7D')).toEqual({ a: '1', b: 'two', c: '{}' });
    expect(parseCookies(undefined)).toEqual({});
  });

  it('serialises Set-Cookie values with attributes', () => {
    expect(serializeCookie('s', 'v.1', { httpOnly: true, sameSite: 'Lax', secure: true, maxAge: 60 })).toBe(
      's=v.1; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
    expect(serializeCookie('s', '', { maxAge: 0 })).toBe('s=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/');
    expect(() => serializeCookie('bad name', 'x')).toThrow();
  });
});
