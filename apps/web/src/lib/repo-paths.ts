// The repository page URLs of web-ui.md §1.2–§1.6: parsing the part after `/{repo}/` and building links.
import { apiRef } from './paths';

export type RepoPageRoute =
  | { page: 'summary' }
  | { page: 'changelog'; rev?: string; path?: string }
  | { page: 'changeset'; rev: string }
  | { page: 'range'; from: string; to: string }
  | { page: 'files'; rev: string; path: string }
  | { page: 'annotate'; rev: string; path: string }
  | { page: 'edit' | 'add' | 'delete'; rev: string; path: string }
  | { page: 'diff'; path: string; twoWay?: boolean }
  | { page: 'compare'; base?: string; head?: string }
  | { page: 'forks' }
  | { page: 'followers' }
  | { page: 'statistics' }
  /** bytes the server answers (raw files, archives, patches, feeds): the browser goes there */
  | { page: 'data'; apiPath: string; query: Record<string, string> }
  | { page: 'unknown' };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Reads `rest` (the path after the repository name, already split by the server's resolver). */
export function parseRepoPage(rest: string): RepoPageRoute {
  const segments = rest.split('/').filter(Boolean).map(decode);
  const [keyword, ...more] = segments;
  const rev = more[0] ?? 'tip';
  const path = more.slice(1).join('/');
  switch (keyword) {
    case undefined:
    case 'summary':
      return { page: 'summary' };
    case 'changelog':
      return more.length ? { page: 'changelog', rev: more[0], path: path || undefined } : { page: 'changelog' };
    case 'changeset': {
      if (!more.length) return { page: 'unknown' };
      const spec = more.join('/');
      const range = /^(.+?)\.\.\.(.+)$/.exec(spec);
      return range ? { page: 'range', from: range[1]!, to: range[2]! } : { page: 'changeset', rev: spec };
    }
    case 'files':
      return { page: 'files', rev, path };
    case 'annotate':
      return { page: 'annotate', rev, path };
    case 'edit':
    case 'add':
    case 'delete':
      return { page: keyword, rev, path };
    case 'diff':
      return { page: 'diff', path: more.join('/') };
    case 'diff-2way':
      return { page: 'diff', path: more.join('/'), twoWay: true };
    case 'compare': {
      const spec = more.join('/');
      const m = /^(?:\w+@)?(.+?)\.\.\.(?:\w+@)?(.+)$/.exec(spec);
      return m ? { page: 'compare', base: m[1], head: m[2] } : { page: 'compare' };
    }
    case 'forks':
      return { page: 'forks' };
    case 'followers':
      return { page: 'followers' };
    case 'statistics':
      return { page: 'statistics' };
    case 'raw':
      return { page: 'data', apiPath: 'raw', query: { rev, path } };
    case 'rawfile':
      return { page: 'data', apiPath: 'raw', query: { rev, path, download: '1' } };
    case 'archive':
      return { page: 'data', apiPath: `archive/${encodeURIComponent(more.join('/'))}`, query: {} };
    case 'changeset-diff':
    case 'raw-changeset':
      return { page: 'data', apiPath: `changesets/${encodeURIComponent(rev)}/raw`, query: {} };
    case 'changeset-patch':
      return { page: 'data', apiPath: `changesets/${encodeURIComponent(rev)}/patch`, query: {} };
    case 'changeset-download':
      return { page: 'data', apiPath: `changesets/${encodeURIComponent(rev)}/download`, query: {} };
    case 'feed':
      return more[0] === 'rss' || more[0] === 'atom' ? { page: 'data', apiPath: `feed/${more[0]}`, query: {} } : { page: 'unknown' };
    default:
      return { page: 'unknown' };
  }
}

const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const q = (params: Record<string, string | number | boolean | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) s.set(k, v === true ? '1' : String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

/** Links between repository pages; `base` is the repository as the URL names it (full name or `_<id>`). */
export const repoUrls = {
  summary: (base: string) => `/${base}`,
  changelog: (base: string, opts: { rev?: string; path?: string; branch?: string; page?: number; size?: number } = {}) =>
    `/${base}/changelog${opts.rev ? `/${encodeURIComponent(opts.rev)}${opts.path ? `/${enc(opts.path)}` : ''}` : ''}${q({ branch: opts.branch, page: opts.page, size: opts.size })}`,
  changeset: (base: string, rev: string) => `/${base}/changeset/${encodeURIComponent(rev)}`,
  range: (base: string, from: string, to: string) => `/${base}/changeset/${encodeURIComponent(from)}...${encodeURIComponent(to)}`,
  files: (base: string, rev: string, path = '') => `/${base}/files/${encodeURIComponent(rev)}${path ? `/${enc(path)}` : '/'}`,
  annotate: (base: string, rev: string, path: string) => `/${base}/annotate/${encodeURIComponent(rev)}/${enc(path)}`,
  edit: (base: string, rev: string, path: string) => `/${base}/edit/${encodeURIComponent(rev)}/${enc(path)}`,
  add: (base: string, rev: string, path = '') => `/${base}/add/${encodeURIComponent(rev)}/${enc(path)}`,
  delete: (base: string, rev: string, path: string) => `/${base}/delete/${encodeURIComponent(rev)}/${enc(path)}`,
  diff: (base: string, path: string, diff1: string, diff2: string) => `/${base}/diff/${enc(path)}${q({ diff1, diff2 })}`,
  compare: (base: string, baseRev?: string, headRev?: string, params: Record<string, string | boolean | undefined> = {}) =>
    `/${base}/compare${baseRev && headRev ? `/rev@${encodeURIComponent(baseRev)}...rev@${encodeURIComponent(headRev)}` : ''}${q(params)}`,
  forks: (base: string) => `/${base}/forks`,
  followers: (base: string) => `/${base}/followers`,
  statistics: (base: string) => `/${base}/statistics`,
  /** server-answered data URLs (the API's, so they work without the SPA) */
  raw: (ref: string, rev: string, path: string, download = false) => `/api/v1/repos/${apiRef(ref)}/raw${q({ rev, path, download })}`,
  archive: (ref: string, rev: string, ext: string) => `/api/v1/repos/${apiRef(ref)}/archive/${encodeURIComponent(`${rev}.${ext}`)}`,
  changesetData: (ref: string, rev: string, kind: 'raw' | 'patch' | 'download') => `/api/v1/repos/${apiRef(ref)}/changesets/${encodeURIComponent(rev)}/${kind}`,
  feed: (ref: string, kind: 'rss' | 'atom') => `/api/v1/repos/${apiRef(ref)}/feed/${kind}`,
};

/** Line selection of a file view: `#L5`, `#L5-9`, `#L1,4-6` → the selected line numbers. */
export function parseLineAnchor(hash: string): Set<number> {
  const lines = new Set<number>();
  const m = /^#?L([\d,-]+)$/.exec(hash);
  if (!m) return lines;
  for (const part of m[1]!.split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (!a) continue;
    const end = b && b >= a ? Math.min(b, a + 100_000) : a;
    for (let n = a; n <= end; n++) lines.add(n);
  }
  return lines;
}
