/**
 * Error codes of libs/vcs. The API maps each code to a transport error with an exhaustive switch;
 * nothing in this library picks an HTTP status.
 */
export type VcsErrorCode =
  | 'NotFound'
  | 'InvalidRevision'
  | 'InvalidName'
  | 'InvalidPath'
  | 'InvalidArgument'
  | 'Conflict'
  | 'Timeout'
  | 'Aborted'
  | 'Unsupported'
  | 'VcsFailure';

/** A domain error thrown by libs/vcs; `code` is stable, `message` is safe to show (credentials stripped). */
export class VcsError extends Error {
  override readonly name = 'VcsError';

  constructor(
    readonly code: VcsErrorCode,
    message: string,
    readonly details?: { command?: string; exitCode?: number | null; stderr?: string },
  ) {
    super(message);
  }
}

/** True when `err` is a {@link VcsError}, optionally with the given code. */
export function isVcsError(err: unknown, code?: VcsErrorCode): err is VcsError {
  return err instanceof VcsError && (code === undefined || err.code === code);
}

/** Shorthand constructors, so call sites read like the condition they report. */
export const notFound = (message: string): VcsError => new VcsError('NotFound', message);
export const invalidRevision = (rev: string): VcsError => new VcsError('InvalidRevision', `Unknown revision ${printable(rev)}`);
export const invalidName = (message: string): VcsError => new VcsError('InvalidName', message);
export const invalidPath = (message: string): VcsError => new VcsError('InvalidPath', message);
export const invalidArgument = (message: string): VcsError => new VcsError('InvalidArgument', message);
export const conflict = (message: string): VcsError => new VcsError('Conflict', message);

/** Quotes a user value for an error message without letting control characters through. */
export function printable(value: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return JSON.stringify(cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned);
}
