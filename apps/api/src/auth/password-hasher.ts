import { createHash, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

const BCRYPT_COST = 10;
const LEGACY_SHA256 = /^[0-9a-f]{64}$/;

/** Hashes new passwords with bcrypt (as Kallithea does, so both can read each other's hashes). */
export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * Checks a password against a stored hash: bcrypt `$2a$`/`$2b$`/`$2y$`, or the unsalted SHA-256
 * hex digests that old Kallithea installations still hold. An empty hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!stored) return false;
  if (/^\$2[aby]\$\d\d\$/.test(stored)) {
    return bcrypt.compare(password, stored.replace(/^\$2y\$/, '$2b$'));
  }
  if (LEGACY_SHA256.test(stored)) {
    const digest = createHash('sha256').update(password, 'utf8').digest();
    return timingSafeEqual(digest, Buffer.from(stored, 'hex'));
  }
  return false;
}

/** True when a stored hash should be replaced by a fresh bcrypt hash after a successful login. */
export function needsRehash(stored: string): boolean {
  return LEGACY_SHA256.test(stored);
}
