import { randomBytes } from 'node:crypto';

/** A new API key: 40 lower-case hex characters (20 random bytes), the format Kallithea uses. */
export function generateApiKey(): string {
  return randomBytes(20).toString('hex');
}
