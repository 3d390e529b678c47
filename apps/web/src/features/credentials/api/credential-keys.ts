import { CredentialOwner, IpListOwner, ownerKey } from './credential-owner';

export const credentialKeys = {
  all: ['credentials'] as const,
  emails: (owner: CredentialOwner) => [...credentialKeys.all, ownerKey(owner), 'emails'] as const,
  apiKeys: (owner: CredentialOwner) => [...credentialKeys.all, ownerKey(owner), 'api-keys'] as const,
  sshKeys: (owner: CredentialOwner) => [...credentialKeys.all, ownerKey(owner), 'ssh-keys'] as const,
  ips: (owner: IpListOwner) => [...credentialKeys.all, ownerKey(owner), 'ips'] as const,
};
