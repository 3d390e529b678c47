import type { JournalResponse } from '@grove/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { repoBrowseKeys } from '../../repo-browse/api/browse-keys';

export type JournalKind = 'mine' | 'public' | 'admin';
const URLS: Record<JournalKind, string> = { mine: '/api/v1/journal', public: '/api/v1/journal/public', admin: '/api/v1/admin/journal' };

/** A page of journal entries (my followed repositories/users, the public journal, or the admin journal). */
export function useJournal(kind: JournalKind, page: number, filter: string) {
  const query = { page, size: kind === 'admin' ? 10 : 20, filter: filter || undefined };
  return useQuery({
    queryKey: repoBrowseKeys.journal(kind, query),
    queryFn: ({ signal }) => api.get<JournalResponse>(URLS[kind], query, signal),
    placeholderData: keepPreviousData,
  });
}
