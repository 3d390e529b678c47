import type { ApiKeyDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export const apiKeysQueryOptions = (owner: CredentialOwner) =>
  queryOptions({
    queryKey: credentialKeys.apiKeys(owner),
    queryFn: ({ signal }) => api.get<{ apiKeys: ApiKeyDto[] }>(`${credentialsBase(owner)}/api-keys`, undefined, signal),
  });

/** The built-in key first, then the extra keys (expired ones marked). */
export function useApiKeys(owner: CredentialOwner) {
  return useQuery(apiKeysQueryOptions(owner));
}
