import type { Readable } from 'node:stream';
import type { AnnotatedLine, Changeset, GraphRow, ParsedDiff, RepoRefs, RepoType, TreeEntry, VcsDate } from '@grove/shared';
import { parseDiff, type ParseDiffOptions } from './diff/parse-diff';
import { isVcsError } from './errors';

/** Options shared by every read: cancellation and a deadline. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the service's default timeout for this call. */
  timeoutMs?: number;
}

/** Paging and filters of {@link VcsRepository.listChangesets}. */
export interface ChangesetQuery extends CallOptions {
  /** Number of changesets to skip (after filtering, in the listing order). */
  start?: number;
  /** Page size (default 100). */
  limit?: number;
  /** Only changesets up to and including this revision (and its ancestors): "changelog ending at rev". */
  revision?: string;
  /** hg: changesets on this named branch; git: changesets reachable from this branch. */
  branch?: string;
  /** Commit date bounds, inclusive (Unix seconds). */
  since?: number;
  until?: number;
  /** Revision number bounds, inclusive. */
  minRevision?: number;
  maxRevision?: number;
  /** File history: only changesets that touched this path (file or directory). */
  path?: string;
  /** Oldest first instead of newest first. */
  reverse?: boolean;
  /** Fill `added` / `changed` / `removed` (costs a diff per changeset). */
  withFiles?: boolean;
}

/** Options of {@link VcsRepository.getChangeset}. */
export interface GetChangesetOptions extends CallOptions {
  withFiles?: boolean;
}

/** Content of one file at a revision. */
export interface FileContent {
  path: string;
  /** The changeset the file was read from. */
  rawId: string;
  size: number;
  mode: string;
  kind: 'file' | 'symlink';
  /** Heuristic: a NUL byte in the first 8000 bytes (git's rule). */
  binary: boolean;
  /** The content (possibly cut to `maxBytes`). */
  content: Buffer;
  /** True when `content` was cut to `maxBytes`. */
  truncated: boolean;
}

/** A file's raw bytes as a stream, with what is known before streaming. */
export interface FileStream {
  path: string;
  rawId: string;
  size: number;
  stream: Readable;
}

/** A directory listing. */
export interface DirectoryListing {
  /** The changeset the listing was read from. */
  rawId: string;
  path: string;
  entries: TreeEntry[];
}

/** `get_repo_nodes`: every directory and file below a path, recursively (directories pre-order). */
export interface NodeWalk {
  rawId: string;
  dirs: string[];
  files: string[];
}

/** Options of the diff calls. */
export interface DiffOptions extends CallOptions {
  /** Ignore all whitespace (`-w`). */
  ignoreWhitespace?: boolean;
  /** Context lines (default 3). */
  context?: number;
  /** Only these paths. */
  paths?: string[];
  /** Stop reading the raw diff after this many bytes (the result says `truncated`). */
  maxBytes?: number;
}

/** A raw diff as produced by the VCS (git format for both). */
export interface RawDiff {
  raw: Buffer;
  /** True when `maxBytes` cut the diff. */
  truncated: boolean;
}

/** Annotate result: lines plus the changesets they point to (each once). */
export interface Annotation {
  rawId: string;
  path: string;
  lines: AnnotatedLine[];
  changesets: Record<string, Changeset>;
}

/** Archive formats. */
export type ArchiveFormat = 'zip' | 'tgz' | 'tbz2' | 'tar';

/** Options of {@link VcsRepository.archive}. */
export interface ArchiveOptions extends CallOptions {
  format: ArchiveFormat;
  /** Directory name inside the archive (default: none). */
  prefix?: string;
  /** Only this directory of the tree. */
  subdirectory?: string;
}

/** A streamed archive. */
export interface ArchiveStream {
  rawId: string;
  stream: Readable;
}

/** One change of a web commit. */
export type CommitAction =
  | { op: 'add'; path: string; content: Buffer | string; executable?: boolean }
  | { op: 'edit'; path: string; content: Buffer | string; executable?: boolean }
  | { op: 'delete'; path: string }
  | { op: 'rename'; from: string; path: string; content?: Buffer | string };

/** A commit made by Grove itself (web editing, uploads, test setup). */
export interface CommitRequest extends CallOptions {
  /** Branch to commit on (hg named branch / git branch). */
  branch: string;
  /**
   * The branch head the caller looked at; the commit is refused with `Conflict` when the branch has
   * moved since. `null` for the first commit of an empty repository (or of a new branch).
   */
  parentId: string | null;
  author: { name: string; email: string };
  date?: VcsDate;
  message: string;
  actions: CommitAction[];
}

/** Statistics of a batch of changesets (web-ui.md §3.11). */
export interface StatisticsBatch {
  /** First and last revision parsed in this batch (`-1` when nothing was left). */
  fromRevision: number;
  toRevision: number;
  /** Whether the batch reached the newest changeset. */
  done: boolean;
  /** Commits and file counts per author per UTC day (`YYYY-MM-DD`). */
  authors: Array<{ author: string; day: string; commits: number; added: number; changed: number; removed: number }>;
  /** Commits touching each file extension (extension without dot, `''` for none). */
  commitsPerExtension: Record<string, number>;
  /** Number of files per extension at the newest parsed changeset (for the "languages" chart). */
  languages: Record<string, number>;
}

/** Result of a compare between two revisions, possibly across a fork. */
export interface ComparePlan {
  /** Common ancestors (several mean criss-cross merges). */
  ancestors: string[];
  /** Changesets reachable from `head` (in the other repository) and not from `base`, oldest first. */
  changesets: Changeset[];
}

/** Graph rows for a changelog page plus the changesets themselves. */
export interface ChangelogPage {
  changesets: Changeset[];
  graph: GraphRow[];
  /** Total number of changesets matching the filters (for "showing N out of M"). */
  total: number;
}

/**
 * A repository, git or hg, behind one interface (Kallithea's `lib/vcs/backends` idea): history,
 * files, diffs, archives, commits, graph and statistics. Obtain one from {@link VcsService.open}.
 */
export abstract class VcsRepository {
  abstract readonly type: RepoType;
  /** The repository's name relative to the repos root. */
  abstract readonly name: string;
  /** Absolute path on disk. */
  abstract readonly path: string;

  /** Branches, closed branches, tags, bookmarks, default branch and tip. */
  abstract refs(options?: CallOptions): Promise<RepoRefs>;
  /** Heads: of one branch, or all heads (hg: all topological heads; git: all branch tips). */
  abstract heads(branch?: string, options?: CallOptions): Promise<string[]>;
  /**
   * Resolves a landing revision setting (`rev:tip`, `branch:default`, `tag:v1`, `book:x`) to a hash,
   * falling back to the tip when it names nothing (any more); null for an empty repository.
   */
  async landingRevision(spec: string, options: CallOptions = {}): Promise<string | null> {
    if (await this.isEmpty(options)) return null;
    const colon = spec.indexOf(':');
    const value = colon >= 0 ? spec.slice(colon + 1) : spec;
    try {
      return await this.resolveRevision(value || 'tip', options);
    } catch (err) {
      if (isVcsError(err, 'InvalidRevision')) return this.resolveRevision('tip', options);
      throw err;
    }
  }
  /** Resolves any revision spec (full/short hash, number, branch, tag, bookmark, `tip`) to a full hash; throws `InvalidRevision`. */
  abstract resolveRevision(rev: string, options?: CallOptions): Promise<string>;
  /** Whether the repository has no changesets. */
  abstract isEmpty(options?: CallOptions): Promise<boolean>;

  /** One changeset by any revision spec. */
  abstract getChangeset(rev: string, options?: GetChangesetOptions): Promise<Changeset>;
  /** Several changesets by revision spec, in the given order (one batch). */
  abstract getChangesets(revs: readonly string[], options?: GetChangesetOptions): Promise<Changeset[]>;
  /** A page of the changelog (newest first unless `reverse`), filtered. */
  abstract listChangesets(query?: ChangesetQuery): Promise<Changeset[]>;
  /** Number of changesets matching the same filters as {@link listChangesets} (paging ignored). */
  abstract countChangesets(query?: ChangesetQuery): Promise<number>;
  /** Graph rows for a page of revisions given newest first (web-ui.md §3.8). */
  abstract graph(revisions: readonly number[], options?: CallOptions): Promise<GraphRow[]>;

  /** Directory entries at a revision (`''` = root). Throws `NotFound` for a missing path, `InvalidPath` for a file. */
  abstract listDirectory(rev: string, path?: string, options?: CallOptions): Promise<DirectoryListing>;
  /** Every directory and file below `path` (for `get_repo_nodes` and the file finder). */
  abstract walk(rev: string, path?: string, options?: CallOptions): Promise<NodeWalk>;
  /** File content with binary detection; `maxBytes` cuts big files. */
  abstract readFile(rev: string, path: string, options?: CallOptions & { maxBytes?: number }): Promise<FileContent>;
  /** Raw bytes of a file as a stream. */
  abstract readFileStream(rev: string, path: string, options?: CallOptions): Promise<FileStream>;
  /** The last changeset of every entry of a directory, computed in one batch. */
  abstract lastChangesets(rev: string, path?: string, options?: CallOptions): Promise<Record<string, Changeset>>;
  /** Annotate (blame) a file at a revision. */
  abstract annotate(rev: string, path: string, options?: CallOptions): Promise<Annotation>;

  /** Raw git-style diff between two revisions (`from` null = empty tree). `other` holds `to` when comparing across forks. */
  abstract diff(from: string | null, to: string, options?: DiffOptions & { other?: VcsRepository }): Promise<RawDiff>;
  /** Raw git-style diff of one changeset against its first parent (the empty tree for a root). */
  abstract changesetDiff(rev: string, options?: DiffOptions): Promise<RawDiff>;
  /** Common ancestors of `base` (here) and `head` (here or in `other`), and the changesets head has that base has not. */
  abstract compare(base: string, head: string, options?: CallOptions & { other?: VcsRepository }): Promise<ComparePlan>;

  /** A streamed archive of a revision. */
  abstract archive(rev: string, options: ArchiveOptions): Promise<ArchiveStream>;
  /** Commits file changes on a branch; refuses with `Conflict` when the branch head moved. Returns the new changeset. */
  abstract commit(request: CommitRequest): Promise<Changeset>;
  /** Statistics for the next `limit` changesets starting at revision `fromRevision`. */
  abstract statistics(fromRevision: number, limit: number, options?: CallOptions): Promise<StatisticsBatch>;

  /** Parses a raw diff (convenience for callers that hold a repository). */
  parseDiff(raw: RawDiff, options?: ParseDiffOptions): ParsedDiff {
    return parseDiff(raw.raw, options);
  }

  /** A changelog page with graph rows and the total count, in one call. */
  async changelogPage(query: ChangesetQuery = {}): Promise<ChangelogPage> {
    const [changesets, total] = await Promise.all([this.listChangesets(query), this.countChangesets(query)]);
    const revs = changesets.map((c) => c.revision);
    const graph = query.path || query.reverse ? [] : await this.graph(revs, query);
    return { changesets, graph, total };
  }
}
