/** `/_admin/login?came_from=…` (Kallithea's login URL). */
export function loginPath(cameFrom: string): string {
  return cameFrom && cameFrom !== '/' ? `/_admin/login?came_from=${encodeURIComponent(cameFrom)}` : '/_admin/login';
}

/** Only server-relative paths may be returned to after login (no `//host`, no scheme). */
export function safeCameFrom(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\s\\]/.test(value)) return '/';
  return value;
}
