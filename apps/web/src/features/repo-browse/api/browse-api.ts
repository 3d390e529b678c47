import type {
  AnnotateResponse,
  ChangelogResponse,
  ChangesetRangeResponse,
  ChangesetResponse,
  CompareResponse,
  FileCompareResponse,
  FileHistoryResponse,
  FilesResponse,
  FollowersResponse,
  ForksResponse,
  MarkupContextResponse,
  NodeListResponse,
  RepoRefsResponse,
  RepoSizeResponse,
  ResolvedPath,
  SummaryResponse,
} from '@grove/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiRef } from '../../../lib/paths';
import { repoBrowseKeys } from './browse-keys';

type Q = Record<string, string | number | boolean | undefined | null>;

/** `/api/v1/repos/{ref}/{part}` */
export const repoApiUrl = (ref: string, part: string) => `/api/v1/repos/${apiRef(ref)}/${part}`;

/** A URL with query parameters (empty ones dropped), for links to raw data. */
export function withParams(url: string, params: Q): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) search.set(k, v === true ? '1' : String(v));
  const qs = search.toString();
  return qs ? `${url}?${qs}` : url;
}

function useRepoQuery<T>(ref: string, part: string, query?: Q, options: { enabled?: boolean; keepPrevious?: boolean } = {}) {
  return useQuery({
    queryKey: repoBrowseKeys.part(ref, part, query),
    queryFn: ({ signal }) => api.get<T>(repoApiUrl(ref, part), query, signal),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

/** What a content path names (repository + page within it, group, nothing). */
export function useResolvePath(path: string) {
  return useQuery({
    queryKey: repoBrowseKeys.resolve(path),
    queryFn: ({ signal }) => api.get<ResolvedPath>('/api/v1/resolve', { path }, signal),
  });
}

export const useSummary = (ref: string, page: number) => useRepoQuery<SummaryResponse>(ref, 'summary', { page, size: 10 }, { keepPrevious: true });
export const useRefs = (ref: string) => useRepoQuery<RepoRefsResponse>(ref, 'refs');
/** Loaded only when asked for (the server walks the repository on disk). */
export const useRepoSize = (ref: string, enabled: boolean) => useRepoQuery<RepoSizeResponse>(ref, 'size', undefined, { enabled });
export const useMarkupContext = (ref: string) => useRepoQuery<MarkupContextResponse>(ref, 'markup-context');
export const useChangelog = (ref: string, query: { page: number; size: number; branch?: string; revision?: string; path?: string }) =>
  useRepoQuery<ChangelogResponse>(ref, 'changelog', query, { keepPrevious: true });

export interface DiffOptions {
  ignorews?: boolean;
  context?: number;
  fulldiff?: boolean;
}
export const useChangeset = (ref: string, rev: string, options: DiffOptions) =>
  useRepoQuery<ChangesetResponse>(ref, `changesets/${encodeURIComponent(rev)}`, { ...options });
export const useChangesetRange = (ref: string, from: string, to: string, options: DiffOptions) =>
  useRepoQuery<ChangesetRangeResponse>(ref, 'changeset-range', { from, to, ...options });
export const useFiles = (ref: string, rev: string, path: string, full = false) => useRepoQuery<FilesResponse>(ref, 'files', { rev, path, full });
export const useAnnotate = (ref: string, rev: string, path: string, full = false) => useRepoQuery<AnnotateResponse>(ref, 'annotate', { rev, path, full });
export const useFileHistory = (ref: string, rev: string, path: string, enabled = true) =>
  useRepoQuery<FileHistoryResponse>(ref, 'file-history', { rev, path }, { enabled });
export const useNodeList = (ref: string, rev: string, path: string, enabled: boolean) => useRepoQuery<NodeListResponse>(ref, 'nodelist', { rev, path }, { enabled });
export const useFileCompare = (ref: string, path: string, diff1: string, diff2: string, options: DiffOptions) =>
  useRepoQuery<FileCompareResponse>(ref, 'file-diff', { path, diff1, diff2, ...options });
export const useCompare = (ref: string, query: { base: string; head: string; otherRepo?: string; merge?: boolean } & DiffOptions, enabled: boolean) =>
  useRepoQuery<CompareResponse>(ref, 'compare', { ...query }, { enabled });
export const useForks = (ref: string, page: number) => useRepoQuery<ForksResponse>(ref, 'forks', { page, size: 20 }, { keepPrevious: true });
export const useFollowers = (ref: string, page: number) => useRepoQuery<FollowersResponse>(ref, 'followers', { page, size: 20 }, { keepPrevious: true });
