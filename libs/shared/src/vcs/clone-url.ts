/** What the clone URL templates (`clone_uri_tmpl`, `clone_ssh_tmpl`) may use (web-ui.md §2.2). */
export interface CloneUrlTokens {
  /** `http` / `https` of the site */
  scheme: string;
  /** the signed-in username; '' for anonymous (then `{user}@` is dropped) */
  user: string;
  /** host[:port] plus the path prefix the site is served under */
  netloc: string;
  prefix: string;
  repo: string;
  repoid: number;
  /** the account of the SSH server (the system user for sshd) */
  system_user: string;
  /** SSH host, with `:port` when the SSH port is not 22 (so the default template works on 2222) */
  hostname: string;
}

/**
 * Fills a clone URL template. `{user}@` disappears for anonymous visitors; unknown tokens stay as
 * they are (Kallithea does the same), so a typo shows up in the URL instead of vanishing.
 */
export function renderCloneUrl(template: string, tokens: CloneUrlTokens): string {
  let text = template;
  if (!tokens.user) text = text.replace('{user}@', '');
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => (name in tokens ? String(tokens[name as keyof CloneUrlTokens]) : whole));
}

/** The SSH host token for a port: `host` on 22, `host:port` otherwise. */
export function sshHostname(host: string, port: number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port === 22 ? bracketed : `${bracketed}:${port}`;
}
