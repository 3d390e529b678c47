import type { SshKeyDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export function useAddSshKey(owner: CredentialOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { publicKey: string; description?: string }) => api.post<SshKeyDto>(`${credentialsBase(owner)}/ssh-keys`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.sshKeys(owner) }),
  });
}
