import type { MarkupContextResponse, RepoDetail } from '@grove/shared';
import { urlify, type UrlifyOptions } from '@grove/shared';
import { createContext, useContext, useMemo } from 'react';

/** The repository a page shows: its details, how the URL names it (`base`), its API reference, and urlify settings. */
export interface RepoContextValue {
  repo: RepoDetail;
  /** the repository part of page URLs as visited (full name, or `_<id>` for permanent links) */
  base: string;
  /** the API reference (`_<id>`: survives renames) */
  ref: string;
  markup?: MarkupContextResponse;
}

const RepoContext = createContext<RepoContextValue | null>(null);
export const RepoContextProvider = RepoContext.Provider;

export function useRepoContext(): RepoContextValue {
  const value = useContext(RepoContext);
  if (!value) throw new Error('useRepoContext outside a repository page');
  return value;
}

/** urlify with this repository's changeset links and issue trackers. */
export function useUrlify(): (text: string, options?: UrlifyOptions) => string {
  const { base, repo, markup } = useRepoContext();
  return useMemo(() => {
    const trackers = (markup?.issueTrackers ?? []).map((t) => ({ pattern: t.pattern, serverLink: t.link, sub: t.sub }));
    return (text: string, options: UrlifyOptions = {}) =>
      urlify(text, { repoName: repo.name, changesetUrl: (h) => `/${base}/changeset/${h}`, issueTrackers: trackers, ...options });
  }, [base, repo.name, markup]);
}
