/**
 * Removes credentials from URLs inside `text` (`https://user:secret@host` → `https://user:***@host`,
 * `https://token@host` → `https://***@host`). Used for every log line and error message that may
 * contain a remote URL or a command line.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*):\/\/([^/\s@]+)@/gi, (_m, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon >= 0) return `${scheme}://${userinfo.slice(0, colon)}:***@`;
    // A bare user name is a secret token for http(s); for ssh it is just the account.
    return /^https?$/i.test(scheme) ? `${scheme}://***@` : `${scheme}://${userinfo}@`;
  });
}

/** The first non-empty line of a tool's stderr, credentials stripped and length capped, for error messages. */
export function firstLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
  const clean = redactCredentials(line.trim());
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}
