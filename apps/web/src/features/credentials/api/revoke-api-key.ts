import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export function useRevokeApiKey(owner: CredentialOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`${credentialsBase(owner)}/api-keys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.apiKeys(owner) }),
  });
}
