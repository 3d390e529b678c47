import type { UserEmailDto } from '@grove/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { credentialKeys } from './credential-keys';
import { CredentialOwner, credentialsBase } from './credential-owner';

export const emailsQueryOptions = (owner: CredentialOwner) =>
  queryOptions({
    queryKey: credentialKeys.emails(owner),
    queryFn: ({ signal }) => api.get<{ emails: UserEmailDto[] }>(`${credentialsBase(owner)}/emails`, undefined, signal),
  });

/** Extra e-mail addresses (the primary one is the user's `email`). */
export function useEmails(owner: CredentialOwner) {
  return useQuery(emailsQueryOptions(owner));
}
