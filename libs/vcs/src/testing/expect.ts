import { isVcsError, type VcsErrorCode } from '../errors';

/** Awaits `promise`, expecting it to fail with a {@link VcsError} of `code`; returns the error. */
export async function expectCode(promise: Promise<unknown>, code: VcsErrorCode): Promise<unknown> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  if (!isVcsError(caught, code)) throw new Error(`expected ${code}, got ${String(caught)}`);
  return caught;
}
