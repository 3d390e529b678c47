import type { ApiKeyDto, CreateApiKey } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export function useCreateApiKey(owner: CredentialOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKey) => api.post<ApiKeyDto>(`${credentialsBase(owner)}/api-keys`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.apiKeys(owner) }),
  });
}
