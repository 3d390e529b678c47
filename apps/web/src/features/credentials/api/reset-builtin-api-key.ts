import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

/** Replaces the built-in key; the old one stops working at once. */
export function useResetBuiltinApiKey(owner: CredentialOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ apiKey: string }>(`${credentialsBase(owner)}/api-keys/builtin/reset`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.apiKeys(owner) }),
  });
}
