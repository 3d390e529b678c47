import { createHash } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';

describe('password hashes', () => {
  it('verifies its own bcrypt hashes and rejects wrong passwords', async () => {
    const hash = await hashPassword('s3cret');
    expect(hash).toMatch(/^\$2[ab]\$10\$/);
    await expect(verifyPassword('s3cret', hash)).resolves.toBe(true);
    await expect(verifyPassword('s3cret ', hash)).resolves.toBe(false);
  });

  it("verifies a hash written by Kallithea's bcrypt (Python, $2b$ cost 10)", async () => {
    // Produced by Python's bcrypt (as Kallithea uses it): hashpw(b'kallithea', gensalt(10[, prefix=b'2a'])).
    for (const kallithea of [
      '$2b$10$/XBlet0.WZM/V6usd7qdQubMYybLbvfIFqYg9bwszHERhJbm4.nOe',
      '$2a$10$/4Bia5nLL21I.2er1UugquMsdqBdgAkuBnic4LZjb6wf6Rz23Bh8S',
    ]) {
      await expect(verifyPassword('kallithea', kallithea)).resolves.toBe(true);
      await expect(verifyPassword('Kallithea', kallithea)).resolves.toBe(false);
    }
  });

  it('accepts legacy unsalted SHA-256 digests and asks for a rehash', async () => {
    const legacy = createHash('sha256').update('old-password').digest('hex');
    await expect(verifyPassword('old-password', legacy)).resolves.toBe(true);
    await expect(verifyPassword('old-passwort', legacy)).resolves.toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword('x'))).toBe(false);
  });

  it('never matches an empty or unknown hash', async () => {
    await expect(verifyPassword('', '')).resolves.toBe(false);
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
  });
});
