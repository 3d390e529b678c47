/** Whose credentials a panel shows: mine (My Account) or a user's (admin pages). */
export type CredentialOwner = { kind: 'me' } | { kind: 'user'; id: number };
/** Whose IP allow-list: a user's, or the global list (the default user's, admin only). */
export type IpListOwner = { kind: 'user'; id: number } | { kind: 'global' };

export function credentialsBase(owner: CredentialOwner): string {
  return owner.kind === 'me' ? '/api/v1/me' : `/api/v1/users/${owner.id}`;
}

export function ipListBase(owner: IpListOwner): string {
  return owner.kind === 'global' ? '/api/v1/admin/ip-allowlist' : `/api/v1/users/${owner.id}/ips`;
}

export function ownerKey(owner: CredentialOwner | IpListOwner): string {
  return owner.kind === 'user' ? `user:${owner.id}` : owner.kind;
}
