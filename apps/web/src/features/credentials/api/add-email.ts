import type { UserEmailDto } from '@grove/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export function useAddEmail(owner: CredentialOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<UserEmailDto>(`${credentialsBase(owner)}/emails`, { email }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: credentialKeys.emails(owner) }),
  });
}
