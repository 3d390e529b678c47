import { passwordFingerprint, SessionTokens } from './session-token';

describe('SessionTokens', () => {
  const tokens = new SessionTokens('x'.repeat(40));

  it('round-trips a signed payload', () => {
    const payload = tokens.newPayload(7, '$2b$10$hash', 3600, false);
    expect(tokens.verify(tokens.sign(payload))).toEqual(payload);
  });

  it('rejects tampered, foreign and malformed tokens', () => {
    const signed = tokens.sign(tokens.newPayload(7, 'h', 3600, false));
    const [body, mac] = signed.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), uid: 1 })).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
    expect(new SessionTokens('y'.repeat(40)).verify(signed)).toBeNull();
    for (const bad of ['', 'abc', 'a.b.c', `${body}.`, '.' + mac]) expect(tokens.verify(bad)).toBeNull();
  });

  it('expires', () => {
    const now = Date.now();
    const payload = tokens.newPayload(7, 'h', 60, false, now);
    expect(tokens.verify(tokens.sign(payload), now + 59_000)).not.toBeNull();
    expect(tokens.verify(tokens.sign(payload), now + 61_000)).toBeNull();
  });

  it('derives a CSRF token per session', () => {
    const a = tokens.newPayload(7, 'h', 60, false);
    const b = tokens.newPayload(7, 'h', 60, false);
    expect(tokens.checkCsrf(a, tokens.csrfToken(a))).toBe(true);
    expect(tokens.checkCsrf(a, tokens.csrfToken(b))).toBe(false);
    expect(tokens.checkCsrf(a, undefined)).toBe(false);
  });

  it('fingerprints password hashes', () => {
    expect(passwordFingerprint('a')).not.toEqual(passwordFingerprint('b'));
    expect(passwordFingerprint('a')).toEqual(passwordFingerprint('a'));
  });
});
