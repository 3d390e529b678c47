import type { SshKeyDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export const sshKeysQueryOptions = (owner: CredentialOwner) =>
  queryOptions({
    queryKey: credentialKeys.sshKeys(owner),
    queryFn: ({ signal }) => api.get<{ sshKeys: SshKeyDto[] }>(`${credentialsBase(owner)}/ssh-keys`, undefined, signal),
  });

export function useSshKeys(owner: CredentialOwner) {
  return useQuery(sshKeysQueryOptions(owner));
}
