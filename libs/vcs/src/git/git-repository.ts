import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AnnotatedLine, Changeset, GraphRow, RepoRefs, TreeEntry } from '@grove/shared';
import {
  accumulateStatistics,
  countExtensions,
  formatOffset,
  isBinary,
  nowDate,
  paging,
  splitBuffer,
  validateArchivePrefix,
  validateAuthor,
} from '../common';
import type { BackendContext } from '../context';
import { conflict, invalidArgument, invalidPath, invalidRevision, isVcsError, notFound, printable, VcsError } from '../errors';
import { computeGraph } from '../graph/graph';
import { decodeBytes, encodingCandidates, isUtf8, validateBranchName, validateFilePath, validateRevision } from '../names';
import { outputStream, runProcess, startProcess, type RunOptions, type RunResult } from '../process/run';
import { firstLine } from '../process/redact';
import {
  VcsRepository,
  type Annotation,
  type ArchiveOptions,
  type ArchiveStream,
  type CallOptions,
  type ChangesetQuery,
  type CommitRequest,
  type ComparePlan,
  type DiffOptions,
  type DirectoryListing,
  type FileContent,
  type FileStream,
  type GetChangesetOptions,
  type NodeWalk,
  type RawDiff,
  type StatisticsBatch,
} from '../vcs';
import type { CatFileBatch } from './cat-file';
import { EMPTY_TREE, parseCommit, parseGitmodules, parseTree, type GitCommit, type GitTreeEntry } from './objects';
import { parseForEachRef, refsFingerprint, type GitRefs } from './refs-state';
import { RevIndex } from './rev-index';

const HEX40 = /^[0-9a-f]{40}$/;
const ZERO_OID = '0'.repeat(40);
/** Files up to this size are read through the shared cat-file pipe; bigger ones get their own process. */
const BATCH_READ_LIMIT = 1024 * 1024;

interface GitState {
  fingerprint: string;
  refs: GitRefs;
  index: RevIndex;
}

/** Where a path points inside a commit's tree. */
interface Located {
  entry: GitTreeEntry | null; // null for the root
  oid: string;
  type: 'tree' | 'blob' | 'commit';
  mode: string;
  /** The path's bytes as stored (names may not be UTF-8). */
  rawPath: Buffer;
}

/** Maps git's stderr to typed errors (the message keeps git's first line, credentials stripped). */
export function classifyGitError(stderr: string): VcsError | undefined {
  const s = stderr.toLowerCase();
  const line = firstLine(stderr);
  if (/unknown revision|bad revision|not a valid object name|invalid object name|bad object|not a valid commit/.test(s)) {
    return new VcsError('InvalidRevision', `Unknown revision: ${line}`);
  }
  if (/does not exist in|did not match any file|no such path|not a git repository|does not appear to be a git repository|repository .* not found/.test(s)) {
    return new VcsError('NotFound', `Not found: ${line}`);
  }
  if (/cannot lock ref|but expected|is at [0-9a-f]+ but|reference already exists|not updating/.test(s)) {
    return new VcsError('Conflict', `The branch has moved: ${line}`);
  }
  return undefined;
}

/** A bare git repository. */
export class GitRepository extends VcsRepository {
  readonly type = 'git' as const;
  private state: GitState | undefined;
  private loading: Promise<GitState> | undefined;
  private readonly treeCache = new Map<string, GitTreeEntry[]>();
  private readonly commitCache = new Map<string, GitCommit>();
  private readonly pathHistoryCache = new Map<string, Set<number>>();

  constructor(
    private readonly ctx: BackendContext,
    readonly name: string,
    readonly path: string,
  ) {
    super();
  }

  // --- plumbing -----------------------------------------------------------------------------

  /** Runs git in this repository with the fixed environment. */
  run(args: readonly string[], options: Partial<RunOptions> & CallOptions = {}): Promise<RunResult> {
    return runProcess(this.ctx.tools.gitBinary, args, {
      env: { ...this.ctx.tools.gitEnv, ...(options.env ?? {}) },
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.timeoutMs,
      signal: options.signal,
      input: options.input,
      maxOutputBytes: options.maxOutputBytes,
      okExitCodes: options.okExitCodes,
      classifyError: options.classifyError ?? classifyGitError,
      label: this.name,
      logger: this.ctx.log,
    });
  }

  private batch(): CatFileBatch {
    return this.ctx.catFiles.get(this.path);
  }

  /** Refs and the revision index, rebuilt only when the refs changed on disk. */
  private async current(_options: CallOptions = {}): Promise<GitState> {
    const fingerprint = await refsFingerprint(this.path);
    if (this.state && this.state.fingerprint === fingerprint) return this.state;
    if (this.loading) return this.loading;
    // Shared by concurrent callers, so one caller's abort must not cancel it: no signal here.
    const shared = { timeoutMs: this.ctx.longTimeoutMs };
    this.loading = (async () => {
      try {
        const [refsOut, headText, revList] = await Promise.all([
          this.run(['for-each-ref', '--format=%(objectname) %(objecttype) %(*objectname) %(*objecttype) %(refname)'], shared),
          readFile(join(this.path, 'HEAD'), 'utf8').catch(() => ''),
          // A web commit in flight parks its commit under a temporary ref: not history (yet), and a
          // losing commit's must never be numbered, whenever this runs.
          this.run(['rev-list', `--exclude=${TEMPORARY_REFS}*`, '--all', '--date-order', '--reverse', '--parents', '--timestamp'], shared),
        ]);
        const state: GitState = {
          fingerprint,
          refs: parseForEachRef(refsOut.stdout.toString('utf8'), headText),
          index: RevIndex.parse(revList.stdout.toString('latin1')),
        };
        this.state = state;
        return state;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private async readObject(oid: string, expected?: GitTreeEntry['type'] | 'commit'): Promise<Buffer> {
    const obj = await this.batch().contents(oid);
    if (!obj || !obj.data) throw notFound(`Object ${oid} not found`);
    if (expected && obj.type !== expected) throw new VcsError('VcsFailure', `Object ${oid} is a ${obj.type}, not a ${expected}`);
    return obj.data;
  }

  private async commitObject(oid: string): Promise<GitCommit> {
    const cached = this.commitCache.get(oid);
    if (cached) return cached;
    const commit = parseCommit(oid, await this.readObject(oid, 'commit'));
    if (this.commitCache.size > 5000) this.commitCache.clear();
    this.commitCache.set(oid, commit);
    return commit;
  }

  private async tree(oid: string): Promise<GitTreeEntry[]> {
    const cached = this.treeCache.get(oid);
    if (cached) return cached;
    const entries = parseTree(await this.readObject(oid, 'tree'));
    if (this.treeCache.size > 2000) this.treeCache.clear();
    this.treeCache.set(oid, entries);
    return entries;
  }

  /** Follows `path` from a commit's root tree; names match by decoded text or by original bytes. */
  private async locate(commitOid: string, path: string): Promise<Located | null> {
    const commit = await this.commitObject(commitOid);
    let current: Located = { entry: null, oid: commit.tree, type: 'tree', mode: '040000', rawPath: Buffer.alloc(0) };
    if (path === '') return current;
    const segments = path.split('/');
    for (let i = 0; i < segments.length; i++) {
      if (current.type !== 'tree') return null;
      const seg = segments[i];
      const candidates = encodingCandidates(seg);
      const entries = await this.tree(current.oid);
      const found = entries.find((e) => e.name === seg) ?? entries.find((e) => candidates.some((c) => c.equals(e.rawName)));
      if (!found) return null;
      const rawPath = i === 0 ? found.rawName : Buffer.concat([current.rawPath, Buffer.from('/'), found.rawName]);
      current = { entry: found, oid: found.oid, type: found.type, mode: found.mode, rawPath };
    }
    return current;
  }

  /** The bytes to write for `path` in a commit on `parent`: existing directories and files keep their stored names. */
  private async rawPathFor(parent: string | null, path: string): Promise<Buffer> {
    const segments = path.split('/');
    for (let n = segments.length; parent && n > 0; n--) {
      const loc = await this.locate(parent, segments.slice(0, n).join('/'));
      if (loc) return n === segments.length ? loc.rawPath : Buffer.concat([loc.rawPath, Buffer.from(`/${segments.slice(n).join('/')}`, 'utf8')]);
    }
    return Buffer.from(path, 'utf8');
  }

  private async commitOidFor(rev: string, options: CallOptions = {}): Promise<string> {
    return this.resolveRevision(rev, options);
  }

  // --- refs ---------------------------------------------------------------------------------

  override async refs(options: CallOptions = {}): Promise<RepoRefs> {
    const { refs, index } = await this.current(options);
    const list = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([name, rawId]) => ({ name, rawId }));
    return {
      branches: list(refs.branches),
      closedBranches: [],
      tags: list(refs.tags),
      bookmarks: [],
      defaultBranch: refs.headBranch,
      tip: index.size > 0 ? index.oids[index.size - 1] : null,
    };
  }

  override async heads(branch?: string, options: CallOptions = {}): Promise<string[]> {
    const { refs } = await this.current(options);
    if (branch === undefined) return [...new Set(refs.branches.values())];
    const oid = refs.branches.get(branch);
    if (!oid) throw invalidRevision(branch);
    return [oid];
  }

  override async isEmpty(options: CallOptions = {}): Promise<boolean> {
    return (await this.current(options)).index.size === 0;
  }

  override async resolveRevision(rev: string, options: CallOptions = {}): Promise<string> {
    validateRevision(rev);
    const { refs, index } = await this.current(options);
    if (rev === 'tip') {
      if (index.size === 0) throw invalidRevision(rev);
      return index.oids[index.size - 1];
    }
    if (rev === 'HEAD') {
      if (!refs.headOid) throw invalidRevision(rev);
      return refs.headOid;
    }
    if (/^\d+$/.test(rev) && rev.length < 12) {
      const oid = index.oids[Number(rev)];
      if (!oid) throw invalidRevision(rev);
      return oid;
    }
    if (HEX40.test(rev) && index.rev(rev) !== undefined) return rev;
    const byName = refs.branches.get(rev) ?? refs.tags.get(rev) ?? refs.all.get(rev);
    if (byName) return byName;
    if (/^[0-9a-f]{4,40}$/.test(rev)) {
      const matches = index.matchPrefix(rev);
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) throw new VcsError('InvalidRevision', `Ambiguous revision ${printable(rev)}`);
    }
    throw invalidRevision(rev);
  }

  // --- changesets ---------------------------------------------------------------------------

  private toChangeset(commit: GitCommit, state: GitState): Changeset {
    const { index, refs } = state;
    const rev = index.rev(commit.oid);
    const branchHeads = refs.branchesByOid.get(commit.oid) ?? [];
    const branch = branchHeads.length === 0 ? null : refs.headBranch && branchHeads.includes(refs.headBranch) ? refs.headBranch : branchHeads[0];
    return {
      rawId: commit.oid,
      shortId: commit.oid.slice(0, 12),
      revision: rev ?? -1,
      author: commit.author.raw,
      authorName: commit.author.name,
      authorEmail: commit.author.email,
      date: commit.committer.date,
      authorDate: commit.author.date,
      message: commit.message,
      parents: commit.parents,
      children: rev === undefined ? [] : index.children(rev).map((c) => index.oids[c]),
      branch,
      branchHeads: [...branchHeads],
      tags: [...(refs.tagsByOid.get(commit.oid) ?? [])],
      bookmarks: [],
      phase: null,
      obsolete: false,
      bumped: false,
      divergent: false,
      extinct: false,
      unstable: false,
      closesBranch: false,
    };
  }

  /** Changesets for commit ids (one pipelined cat-file batch), optionally with file lists (one diff-tree). */
  private async changesetsFor(oids: readonly string[], state: GitState, withFiles: boolean, options: CallOptions): Promise<Changeset[]> {
    const commits = await Promise.all(oids.map((oid) => this.commitObject(oid)));
    const changesets = commits.map((c) => this.toChangeset(c, state));
    if (withFiles && changesets.length > 0) {
      const files = await this.fileChanges(commits, options);
      for (const cs of changesets) Object.assign(cs, files.get(cs.rawId) ?? { added: [], changed: [], removed: [] });
    }
    return changesets;
  }

  /** Added/changed/removed files of commits against their first parents, with one `git diff-tree --stdin`. */
  private async fileChanges(commits: readonly GitCommit[], options: CallOptions): Promise<Map<string, { added: string[]; changed: string[]; removed: string[] }>> {
    const input = commits.map((c) => (c.parents[0] ? `${c.oid} ${c.parents[0]}` : c.oid)).join('\n') + '\n';
    const labelled = await this.run(['diff-tree', '--stdin', '-r', '--root', '--no-renames', '--name-status', '-z'], { ...options, input });
    const out = new Map<string, { added: string[]; changed: string[]; removed: string[] }>();
    for (const c of commits) out.set(c.oid, { added: [], changed: [], removed: [] });
    const tokens = splitBuffer(labelled.stdout, 0);
    let current: { added: string[]; changed: string[]; removed: string[] } | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const text = tok.toString('latin1');
      if (HEX40.test(text)) {
        current = out.get(text);
        continue;
      }
      const path = tokens[++i];
      if (!current || !path) continue;
      const name = decodeBytes(path);
      if (text === 'A') current.added.push(name);
      else if (text === 'D') current.removed.push(name);
      else current.changed.push(name);
    }
    return out;
  }

  override async getChangeset(rev: string, options: GetChangesetOptions = {}): Promise<Changeset> {
    const [cs] = await this.getChangesets([rev], options);
    return cs!;
  }

  override async getChangesets(revs: readonly string[], options: GetChangesetOptions = {}): Promise<Changeset[]> {
    const oids = await Promise.all(revs.map((r) => this.commitOidFor(r, options)));
    const state = await this.current(options);
    return this.changesetsFor(oids, state, options.withFiles ?? false, options);
  }

  /** Revision numbers matching a query, newest first (before paging). */
  private async matchingRevs(query: ChangesetQuery, state: GitState): Promise<number[] | { from: number; to: number }> {
    const { index } = state;
    const lo = Math.max(0, query.minRevision ?? 0);
    let hi = Math.min(index.size - 1, query.maxRevision ?? index.size - 1);
    const filters: Array<(rev: number) => boolean> = [];
    if (query.revision !== undefined) {
      const rev = index.rev(await this.resolveRevision(query.revision, query))!;
      hi = Math.min(hi, rev);
      const anc = index.ancestors(rev);
      filters.push((r) => anc[r] === 1);
    }
    if (query.branch !== undefined) {
      validateBranchName(query.branch);
      const head = state.refs.branches.get(query.branch);
      if (!head) throw invalidRevision(query.branch);
      const rev = index.rev(head)!;
      hi = Math.min(hi, rev);
      const anc = index.ancestors(rev);
      filters.push((r) => anc[r] === 1);
    }
    if (query.since !== undefined) {
      const since = query.since;
      filters.push((r) => index.times[r] >= since);
    }
    if (query.until !== undefined) {
      const until = query.until;
      filters.push((r) => index.times[r] <= until);
    }
    if (query.path !== undefined) {
      const path = validateFilePath(query.path);
      if (path !== '') {
        const from = query.revision !== undefined ? await this.resolveRevision(query.revision, query) : '--all';
        // Paging through a file's history asks the same question again: keep the answer while refs stay put.
        const key = `${state.fingerprint}\0${from}\0${path}`;
        let touched = this.pathHistoryCache.get(key);
        if (!touched) {
          const { stdout } = await this.run(['rev-list', from, '--', literalPathspec(path)], query);
          touched = new Set<number>();
          for (const line of stdout.toString('latin1').split('\n')) {
            const r = line ? index.rev(line) : undefined;
            if (r !== undefined) touched.add(r);
          }
          if (this.pathHistoryCache.size >= 32) this.pathHistoryCache.delete(this.pathHistoryCache.keys().next().value!);
          this.pathHistoryCache.set(key, touched);
        }
        const members = touched;
        filters.push((r) => members.has(r));
      }
    }
    if (filters.length === 0) return { from: hi, to: lo };
    const out: number[] = [];
    for (let r = hi; r >= lo; r--) if (filters.every((f) => f(r))) out.push(r);
    return out;
  }

  override async listChangesets(query: ChangesetQuery = {}): Promise<Changeset[]> {
    const state = await this.current(query);
    const { start, limit } = paging(query);
    const matched = await this.matchingRevs(query, state);
    let page: number[];
    if (Array.isArray(matched)) {
      const ordered = query.reverse ? [...matched].reverse() : matched;
      page = ordered.slice(start, start + limit);
    } else {
      const count = Math.max(0, matched.from - matched.to + 1);
      page = [];
      for (let i = start; i < Math.min(count, start + limit); i++) page.push(query.reverse ? matched.to + i : matched.from - i);
    }
    return this.changesetsFor(
      page.map((r) => state.index.oids[r]),
      state,
      query.withFiles ?? false,
      query,
    );
  }

  override async countChangesets(query: ChangesetQuery = {}): Promise<number> {
    const state = await this.current(query);
    const matched = await this.matchingRevs(query, state);
    return Array.isArray(matched) ? matched.length : Math.max(0, matched.from - matched.to + 1);
  }

  override async graph(revisions: readonly number[], options: CallOptions = {}): Promise<GraphRow[]> {
    const { index, refs } = await this.current(options);
    for (const r of revisions) if (!(r >= 0 && r < index.size)) throw invalidRevision(String(r));
    const noFlags = { closesBranch: false, obsolete: false, bumped: false, divergent: false, extinct: false, unstable: false };
    return computeGraph(revisions, {
      parents: (r) => index.parents[r] ?? [],
      branch: (r) => {
        const names = refs.branchesByOid.get(index.oids[r]);
        return names && names.length > 0 ? names[0] : null;
      },
      flags: () => noFlags,
    });
  }

  // --- files --------------------------------------------------------------------------------

  override async listDirectory(rev: string, path = '', options: CallOptions = {}): Promise<DirectoryListing> {
    const dir = validateFilePath(path);
    const oid = await this.commitOidFor(rev, options);
    const loc = await this.locate(oid, dir);
    if (!loc) throw notFound(`Path ${printable(dir)} not found at ${oid.slice(0, 12)}`);
    if (loc.type !== 'tree') throw invalidPath(`Path ${printable(dir)} is not a directory`);
    const entries = await this.tree(loc.oid);
    const batch = this.batch();
    const blobs = entries.filter((e) => e.type === 'blob');
    const infos = await Promise.all(blobs.map((e) => (e.mode === '120000' ? batch.contents(e.oid) : batch.info(e.oid))));
    const infoByOid = new Map(blobs.map((e, i) => [e.oid, infos[i]]));
    let modules: Map<string, string> | undefined;
    if (entries.some((e) => e.type === 'commit')) modules = await this.gitmodules(oid);
    const prefix = dir ? `${dir}/` : '';
    const out: TreeEntry[] = entries.map((e) => {
      const full = prefix + e.name;
      if (e.type === 'tree') return { name: e.name, path: full, kind: 'dir', size: null, mode: e.mode, executable: false };
      if (e.type === 'commit') {
        return {
          name: e.name,
          path: full,
          kind: 'submodule',
          size: null,
          mode: e.mode,
          executable: false,
          subrepo: { url: modules?.get(full) ?? null, revision: e.oid, type: 'git' },
        };
      }
      const info = infoByOid.get(e.oid);
      const entry: TreeEntry = {
        name: e.name,
        path: full,
        kind: e.mode === '120000' ? 'symlink' : 'file',
        size: info?.size ?? null,
        mode: e.mode,
        executable: e.mode === '100755',
      };
      if (e.mode === '120000' && info?.data) entry.symlinkTarget = decodeBytes(info.data);
      return entry;
    });
    // Directories first, then files, each by name (the listing order of the file browser).
    out.sort((a, b) => (a.kind === 'dir') === (b.kind === 'dir') ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === 'dir' ? -1 : 1);
    return { rawId: oid, path: dir, entries: out };
  }

  private async gitmodules(commitOid: string): Promise<Map<string, string>> {
    const loc = await this.locate(commitOid, '.gitmodules');
    if (!loc || loc.type !== 'blob') return new Map();
    return parseGitmodules((await this.readObject(loc.oid, 'blob')).toString('utf8'));
  }

  override async walk(rev: string, path = '', options: CallOptions = {}): Promise<NodeWalk> {
    const dir = validateFilePath(path);
    const oid = await this.commitOidFor(rev, options);
    const loc = await this.locate(oid, dir);
    if (!loc) throw notFound(`Path ${printable(dir)} not found`);
    if (loc.type !== 'tree') throw invalidPath(`Path ${printable(dir)} is not a directory`);
    const dirs: string[] = [];
    const files: string[] = [];
    // Breadth by level keeps round trips low: every subtree of one level is requested at once.
    const visit = async (treeOid: string, prefix: string): Promise<void> => {
      const entries = [...(await this.tree(treeOid))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subtrees = entries.filter((e) => e.type === 'tree');
      const subtreeLoads = subtrees.map((e) => this.tree(e.oid));
      for (const e of entries) {
        if (e.type === 'tree') continue;
        files.push(prefix + e.name);
      }
      await Promise.all(subtreeLoads);
      for (const e of subtrees) {
        dirs.push(prefix + e.name);
        await visit(e.oid, `${prefix}${e.name}/`);
      }
    };
    await visit(loc.oid, dir ? `${dir}/` : '');
    return { rawId: oid, dirs, files };
  }

  private async locateFile(rev: string, path: string, options: CallOptions): Promise<{ commit: string; loc: Located; file: string }> {
    const file = validateFilePath(path, { allowRoot: false });
    const commit = await this.commitOidFor(rev, options);
    const loc = await this.locate(commit, file);
    if (!loc) throw notFound(`File ${printable(file)} not found at ${commit.slice(0, 12)}`);
    if (loc.type !== 'blob') throw invalidPath(`Path ${printable(file)} is not a file`);
    return { commit, loc, file };
  }

  override async readFile(rev: string, path: string, options: CallOptions & { maxBytes?: number } = {}): Promise<FileContent> {
    const { commit, loc, file } = await this.locateFile(rev, path, options);
    const info = await this.batch().info(loc.oid);
    const size = info?.size ?? 0;
    let content: Buffer;
    let truncated = false;
    if (size <= BATCH_READ_LIMIT) {
      content = await this.readObject(loc.oid, 'blob');
    } else {
      const res = await this.run(['cat-file', 'blob', loc.oid], { ...options, maxOutputBytes: options.maxBytes });
      content = res.stdout;
      truncated = res.truncated;
    }
    if (options.maxBytes !== undefined && content.length > options.maxBytes) {
      content = content.subarray(0, options.maxBytes);
      truncated = true;
    }
    return {
      path: file,
      rawId: commit,
      size,
      mode: loc.mode,
      kind: loc.mode === '120000' ? 'symlink' : 'file',
      binary: isBinary(content),
      content,
      truncated,
    };
  }

  override async readFileStream(rev: string, path: string, options: CallOptions = {}): Promise<FileStream> {
    const { commit, loc, file } = await this.locateFile(rev, path, options);
    const info = await this.batch().info(loc.oid);
    const size = info?.size ?? 0;
    if (size <= BATCH_READ_LIMIT) {
      const data = await this.readObject(loc.oid, 'blob');
      return { path: file, rawId: commit, size, stream: Readable.from([data]) };
    }
    const args = ['cat-file', 'blob', loc.oid];
    const child = startProcess(this.ctx.tools.gitBinary, args, {
      env: this.ctx.tools.gitEnv,
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.longTimeoutMs,
      signal: options.signal,
      label: this.name,
      logger: this.ctx.log,
    });
    child.stdin.end();
    return { path: file, rawId: commit, size, stream: outputStream(child, 'git', args) };
  }

  override async lastChangesets(rev: string, path = '', options: CallOptions = {}): Promise<Record<string, Changeset>> {
    const dir = validateFilePath(path);
    const listing = await this.listDirectory(rev, dir, options);
    const pending = new Set(listing.entries.map((e) => e.name));
    const found = new Map<string, string>();
    if (pending.size > 0) {
      const loc = await this.locate(listing.rawId, dir);
      const prefix = dir ? `${dir}/` : '';
      // A pathspec must be passed as UTF-8 text; for other names scan wider and filter here.
      const dirSpec = dir && loc && isUtf8(loc.rawPath) ? [literalPathspec(dir)] : [];
      // Recent history usually names most entries: scan it whole, but (in big repositories) only a
      // few hundred commits; small histories are cheaper to scan once to the end.
      const { lastChangesetsFullScanBelow, lastChangesetsFirstScan } = this.ctx.tuning;
      const firstScan = (await this.current(options)).index.size > lastChangesetsFullScanBelow ? lastChangesetsFirstScan : undefined;
      const scanned = await this.scanChangedPaths(listing.rawId, dirSpec, prefix, pending, found, firstScan, options);
      if (pending.size > 0 && scanned === firstScan) {
        // The rest changed long ago: continue with a pathspec of just those entries, which git checks cheaply.
        const rawNames = new Map((loc ? await this.tree(loc.oid) : []).map((e) => [e.name, e.rawName]));
        const utf8 = (!dir || dirSpec.length > 0) && [...pending].every((name) => isUtf8(rawNames.get(name) ?? Buffer.from([0xff])));
        const specs = utf8 ? [...pending].map((name) => literalPathspec(prefix + name)) : dirSpec;
        await this.scanChangedPaths(listing.rawId, specs, prefix, pending, found, undefined, options);
      }
    }
    const state = await this.current(options);
    const uniq = [...new Set(found.values())];
    const changesets = await this.changesetsFor(uniq, state, false, options);
    const byOid = new Map(changesets.map((c) => [c.rawId, c]));
    const out: Record<string, Changeset> = {};
    for (const [name, oid] of found) out[name] = byOid.get(oid)!;
    return out;
  }

  /**
   * Streams `git log --name-only` from `rev` (newest first) and records, for each pending entry of a
   * directory, the first commit naming a path in it; stops the process as soon as nothing is pending.
   * Returns the number of commits read.
   */
  private async scanChangedPaths(
    rev: string,
    pathspecs: string[],
    prefix: string,
    pending: Set<string>,
    found: Map<string, string>,
    maxCount: number | undefined,
    options: CallOptions,
  ): Promise<number> {
    const args = ['log', '--format=%x01%H', '--name-only', '-z', '--no-renames'];
    if (maxCount !== undefined) args.push(`--max-count=${maxCount}`);
    args.push(rev, ...(pathspecs.length > 0 ? ['--', ...pathspecs] : []));
    const child = startProcess(this.ctx.tools.gitBinary, args, {
      env: this.ctx.tools.gitEnv,
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.timeoutMs,
      signal: options.signal,
      label: this.name,
      logger: this.ctx.log,
    });
    child.stdin.end();
    child.stderr.resume();
    let current = '';
    let commits = 0;
    let carry = Buffer.alloc(0);
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        child.stdout.removeAllListeners('data');
        resolve();
      };
      child.stdout.on('data', (chunk: Buffer) => {
        const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        let pos = 0;
        for (;;) {
          const nul = buf.indexOf(0, pos);
          if (nul < 0) break;
          let token = buf.subarray(pos, nul);
          pos = nul + 1;
          if (token[0] === 0x0a) token = token.subarray(1);
          if (token[0] === 0x01) {
            current = token.subarray(1, 41).toString('latin1');
            commits++;
            const rest = token.subarray(41);
            token = rest[0] === 0x0a ? rest.subarray(1) : rest;
            if (token.length === 0) continue;
          }
          const name = decodeBytes(token);
          if (!name.startsWith(prefix)) continue;
          const rel = name.slice(prefix.length);
          const entry = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel;
          if (pending.delete(entry)) found.set(entry, current);
          if (pending.size === 0) {
            child.kill();
            finish();
            return;
          }
        }
        carry = Buffer.from(buf.subarray(pos));
      });
      void child.exited.then(finish);
    });
    if (child.stopReason) throw new VcsError(child.stopReason === 'timeout' ? 'Timeout' : 'Aborted', 'Listing last changesets stopped');
    return commits;
  }

  override async annotate(rev: string, path: string, options: CallOptions = {}): Promise<Annotation> {
    const { commit, file } = await this.locateFile(rev, path, options);
    const { stdout } = await this.run(['blame', '--porcelain', commit, '--', file], options);
    const state = await this.current(options);
    const lines: AnnotatedLine[] = [];
    // One decode for the whole output when it is UTF-8 (the usual case), else line by line with the fallback.
    const rows = isUtf8(stdout) ? stdout.toString('utf8').split('\n') : splitBuffer(stdout, 0x0a).map((b) => decodeBytes(b));
    let currentOid = '';
    let finalLine = 0;
    for (const row of rows) {
      if (row.startsWith('\t')) {
        lines.push({ lineNumber: finalLine, content: row.slice(1), rawId: currentOid, revision: state.index.rev(currentOid) ?? -1 });
      } else if (row.charCodeAt(40) === 0x20 && /^[0-9a-f]{40}$/.test(row.slice(0, 40))) {
        // "<oid> <original line> <final line> [<group size>]"
        currentOid = row.slice(0, 40);
        finalLine = Number(row.split(' ')[2]);
      }
    }
    const uniq = [...new Set(lines.map((l) => l.rawId))];
    const changesets = await this.changesetsFor(uniq, state, false, options);
    return { rawId: commit, path: file, lines, changesets: Object.fromEntries(changesets.map((c) => [c.rawId, c])) };
  }

  // --- diffs --------------------------------------------------------------------------------

  private diffArgs(options: DiffOptions): string[] {
    const args = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--binary', '--full-index', '-M', '-C'];
    if (options.ignoreWhitespace) args.push('-w');
    const context = options.context ?? 3;
    if (!Number.isInteger(context) || context < 0 || context > 100000) throw invalidArgument('Invalid context line count');
    args.push(`-U${context}`);
    return args;
  }

  private pathArgs(paths: readonly string[] | undefined): string[] {
    if (!paths || paths.length === 0) return [];
    return ['--', ...paths.map((p) => literalPathspec(validateFilePath(p, { allowRoot: false })))];
  }

  override async diff(from: string | null, to: string, options: DiffOptions & { other?: VcsRepository } = {}): Promise<RawDiff> {
    const other = options.other;
    if (other && !(other instanceof GitRepository)) throw invalidArgument('Cannot compare a git repository with a non-git one');
    const fromOid = from === null ? EMPTY_TREE : await this.resolveRevision(from, options);
    const toOid = other ? await other.resolveRevision(to, options) : await this.resolveRevision(to, options);
    const env = other ? { GIT_ALTERNATE_OBJECT_DIRECTORIES: join(other.path, 'objects') } : undefined;
    const res = await this.run([...this.diffArgs(options), fromOid, toOid, ...this.pathArgs(options.paths)], {
      ...options,
      env,
      maxOutputBytes: options.maxBytes,
    });
    return { raw: res.stdout, truncated: res.truncated };
  }

  override async changesetDiff(rev: string, options: DiffOptions = {}): Promise<RawDiff> {
    const oid = await this.resolveRevision(rev, options);
    const commit = await this.commitObject(oid);
    const res = await this.run([...this.diffArgs(options), commit.parents[0] ?? EMPTY_TREE, oid, ...this.pathArgs(options.paths)], {
      ...options,
      maxOutputBytes: options.maxBytes,
    });
    return { raw: res.stdout, truncated: res.truncated };
  }

  override async compare(base: string, head: string, options: CallOptions & { other?: VcsRepository } = {}): Promise<ComparePlan> {
    const other = options.other;
    if (other && !(other instanceof GitRepository)) throw invalidArgument('Cannot compare a git repository with a non-git one');
    const headRepo = (other as GitRepository | undefined) ?? this;
    const baseOid = await this.resolveRevision(base, options);
    const headOid = await headRepo.resolveRevision(head, options);
    // Run in the head's repository with the base repository's objects borrowed, so numbering is the head's.
    const env = other ? { GIT_ALTERNATE_OBJECT_DIRECTORIES: join(this.path, 'objects') } : undefined;
    const [bases, revList] = await Promise.all([
      headRepo.run(['merge-base', '--all', baseOid, headOid], { ...options, env, okExitCodes: [0, 1] }),
      headRepo.run(['rev-list', '--reverse', '--topo-order', headOid, '--not', baseOid], { ...options, env }),
    ]);
    const ancestors = bases.stdout.toString('latin1').split('\n').filter(Boolean);
    const oids = revList.stdout.toString('latin1').split('\n').filter(Boolean);
    const state = await headRepo.current(options);
    const changesets = await headRepo.changesetsFor(oids, state, false, options);
    return { ancestors, changesets };
  }

  // --- archives, commits, statistics --------------------------------------------------------

  override async archive(rev: string, options: ArchiveOptions): Promise<ArchiveStream> {
    const oid = await this.resolveRevision(rev, options);
    const args = ['archive'];
    if (options.format === 'zip') args.push('--format=zip');
    else if (options.format === 'tgz') args.push('--format=tar.gz');
    else if (options.format === 'tar' || options.format === 'tbz2') args.push('--format=tar');
    else throw invalidArgument(`Unknown archive format ${printable(String(options.format))}`);
    if (options.prefix !== undefined) args.push(`--prefix=${validateArchivePrefix(options.prefix)}/`);
    args.push(oid);
    if (options.subdirectory) {
      const sub = validateFilePath(options.subdirectory);
      const loc = await this.locate(oid, sub);
      if (!loc || loc.type !== 'tree') throw notFound(`Directory ${printable(sub)} not found`);
      if (sub) args.push('--', literalPathspec(sub));
    }
    const common = {
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.longTimeoutMs,
      signal: options.signal,
      label: this.name,
      logger: this.ctx.log,
    };
    const git = startProcess(this.ctx.tools.gitBinary, args, { ...common, env: this.ctx.tools.gitEnv });
    git.stdin.end();
    const gitOut = outputStream(git, 'git', args);
    if (options.format !== 'tbz2') return { rawId: oid, stream: gitOut };
    const bzip = startProcess('bzip2', ['-c'], { ...common, env: { PATH: this.ctx.tools.gitEnv['PATH'], LC_ALL: 'C' } });
    gitOut.on('error', () => bzip.kill());
    gitOut.pipe(bzip.stdin);
    return { rawId: oid, stream: outputStream(bzip, 'bzip2', ['-c']) };
  }

  override async commit(request: CommitRequest): Promise<Changeset> {
    const branch = validateGitBranch(request.branch);
    validateAuthor(request.author);
    const state = await this.current(request);
    const head = state.refs.branches.get(branch) ?? null;
    const parent = request.parentId;
    if (parent !== null && !HEX40.test(parent)) throw invalidRevision(parent);
    if ((head ?? null) !== parent) {
      throw conflict(head ? `Branch ${branch} has moved to ${head.slice(0, 12)}` : `Branch ${branch} does not exist (expected ${String(parent).slice(0, 12)})`);
    }
    const date = request.date ?? nowDate();
    const who = `${request.author.name} <${request.author.email}> ${date.timestamp} ${formatOffset(date.offset)}`;
    const message = Buffer.from(request.message, 'utf8');
    const chunks: Buffer[] = [];
    const tmpRef = `${TEMPORARY_REFS}${randomUUID()}`;
    chunks.push(Buffer.from(`commit ${tmpRef}\nmark :1\nauthor ${who}\ncommitter ${who}\ndata ${message.length}\n`), message, Buffer.from('\n'));
    if (parent) chunks.push(Buffer.from(`from ${parent}\n`));

    // Check every action against the parent tree (and earlier actions) so that errors are precise.
    const exists = new Map<string, boolean>();
    const existsAt = async (p: string): Promise<boolean> => {
      if (exists.has(p)) return exists.get(p)!;
      if (!parent) return false;
      const loc = await this.locate(parent, p);
      return loc !== null && loc.type !== 'tree';
    };
    for (const action of request.actions) {
      const path = validateFilePath(action.path, { allowRoot: false });
      if (action.op === 'add' || action.op === 'edit') {
        const present = await existsAt(path);
        if (action.op === 'add' && present) throw conflict(`File ${printable(path)} already exists`);
        if (action.op === 'edit' && !present) throw notFound(`File ${printable(path)} not found`);
        const content = typeof action.content === 'string' ? Buffer.from(action.content, 'utf8') : action.content;
        let mode = action.executable ? '100755' : '100644';
        if (action.op === 'edit' && action.executable === undefined && parent) {
          const loc = await this.locate(parent, path);
          if (loc?.mode === '100755' || loc?.mode === '120000') mode = loc.mode;
        }
        chunks.push(Buffer.from(`M ${mode} inline `), quotePath(await this.rawPathFor(parent, path)), Buffer.from(`\ndata ${content.length}\n`), content, Buffer.from('\n'));
        exists.set(path, true);
      } else if (action.op === 'delete') {
        if (!(await existsAt(path))) throw notFound(`File ${printable(path)} not found`);
        chunks.push(Buffer.from('D '), quotePath(await this.rawPathFor(parent, path)), Buffer.from('\n'));
        exists.set(path, false);
      } else if (action.op === 'rename') {
        const from = validateFilePath(action.from, { allowRoot: false });
        if (!(await existsAt(from))) throw notFound(`File ${printable(from)} not found`);
        if (await existsAt(path)) throw conflict(`File ${printable(path)} already exists`);
        const rawTarget = await this.rawPathFor(parent, path);
        chunks.push(Buffer.from('R '), quotePath(await this.rawPathFor(parent, from)), Buffer.from(' '), quotePath(rawTarget), Buffer.from('\n'));
        if (action.content !== undefined) {
          const content = typeof action.content === 'string' ? Buffer.from(action.content, 'utf8') : action.content;
          const loc = parent ? await this.locate(parent, from) : null;
          chunks.push(Buffer.from(`M ${loc?.mode ?? '100644'} inline `), quotePath(rawTarget), Buffer.from(`\ndata ${content.length}\n`), content, Buffer.from('\n'));
        }
        exists.set(from, false);
        exists.set(path, true);
      } else {
        throw invalidArgument('Unknown commit action');
      }
    }
    chunks.push(Buffer.from('\nget-mark :1\ndone\n'));
    const imported = await this.run(['fast-import', '--quiet', '--done', '--date-format=raw'], {
      ...request,
      input: Buffer.concat(chunks),
      timeoutMs: request.timeoutMs ?? this.ctx.longTimeoutMs,
    });
    const newOid = imported.stdout.toString('latin1').trim().split('\n').pop() ?? '';
    if (!HEX40.test(newOid)) throw new VcsError('VcsFailure', 'git fast-import did not report the new commit');
    // One transaction: move the branch only if it is still where the caller saw it, and drop the temporary ref.
    await this.run(['update-ref', '--stdin'], {
      ...request,
      input: `update refs/heads/${branch} ${newOid} ${parent ?? ZERO_OID}\ndelete ${tmpRef}\n`,
    }).catch(async (err: unknown) => {
      await this.run(['update-ref', '-d', tmpRef], request).catch(() => undefined);
      if (isVcsError(err, 'Conflict') || isVcsError(err, 'VcsFailure')) throw conflict(`Branch ${branch} has moved since ${String(parent).slice(0, 12)}`);
      throw err;
    });
    if (!state.refs.headOid && !state.refs.headBranch) {
      await this.run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], request);
    }
    return this.getChangeset(newOid, { ...request, withFiles: true });
  }

  override async statistics(fromRevision: number, limit: number, options: CallOptions = {}): Promise<StatisticsBatch> {
    const state = await this.current(options);
    const { index } = state;
    const from = Math.max(0, fromRevision);
    const to = Math.min(index.size - 1, from + Math.max(1, limit) - 1);
    if (from > to) return { fromRevision: -1, toRevision: -1, done: true, authors: [], commitsPerExtension: {}, languages: {} };
    const oids = index.oids.slice(from, to + 1);
    const changesets = await this.changesetsFor(oids, state, true, options);
    const acc = accumulateStatistics(
      changesets.map((c) => ({ author: c.author, timestamp: c.date.timestamp, added: c.added!, changed: c.changed!, removed: c.removed! })),
    );
    const done = to === index.size - 1;
    let languages: Record<string, number> = {};
    if (from === 0 || done) {
      const { stdout } = await this.run(['ls-tree', '-r', '--name-only', '-z', index.oids[index.size - 1]], options);
      languages = countExtensions(splitBuffer(stdout, 0).map((b) => decodeBytes(b)));
    }
    return { fromRevision: from, toRevision: to, done, ...acc, languages };
  }
}

/** Where `commit()` keeps the new commit until the branch moves to it. */
const TEMPORARY_REFS = 'refs/grove-tmp/';

/** `:(literal)` pathspec magic so that `*`, `?` and `[` in names are not globs. */
function literalPathspec(path: string): string {
  return `:(literal)${path}`;
}

/** C-style quoting for fast-import paths; control characters, quotes and backslashes are escaped, other bytes kept. */
function quotePath(path: Buffer): Buffer {
  const out: number[] = [0x22];
  for (const b of path) {
    if (b === 0x22 || b === 0x5c) out.push(0x5c, b);
    else if (b < 0x20 || b === 0x7f) out.push(...Buffer.from(`\\${b.toString(8).padStart(3, '0')}`, 'latin1'));
    else out.push(b);
  }
  out.push(0x22);
  return Buffer.from(out);
}

/** Branch names git accepts under refs/heads (check-ref-format rules). */
function validateGitBranch(branch: string): string {
  validateBranchName(branch);
  // eslint-disable-next-line no-control-regex
  if (/[\s~^:?*[\\\u0000-\u001f\u007f]|\.\.|@\{|\/\/|^\/|\/$|\.lock$|^\.|\/\.|\.$|^@$/.test(branch)) {
    throw invalidArgument(`Invalid git branch name ${printable(branch)}`);
  }
  return branch;
}
