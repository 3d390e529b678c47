import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { AnnotatedLine, Changeset, GraphRow, RepoRefs, TreeEntry } from '@grove/shared';
import { accumulateStatistics, countExtensions, isBinary, nowDate, paging, splitPerson, validateArchivePrefix, validateAuthor } from '../common';
import type { BackendContext } from '../context';
import { conflict, invalidArgument, invalidPath, invalidRevision, notFound, printable, VcsError } from '../errors';
import { computeGraph, type GraphNodeFlags } from '../graph/graph';
import { decodeBytes, encodingCandidates, validateBranchName, validateFilePath, validateRevision } from '../names';
import { failure, outputStream, runProcess, startProcess } from '../process/run';
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
import type { HgCommandResult } from './cmdserver';

/** A changeset record as printed by the extension's `grove-log`. */
interface HgRecord {
  node: string;
  rev: number;
  user: string;
  time: number;
  tz: number;
  desc: string;
  branch: string;
  parents: string[];
  parentrevs: number[];
  children: string[];
  tags: string[];
  bookmarks: string[];
  phase: string;
  obsolete: boolean;
  extinct: boolean;
  orphan: boolean;
  phasedivergent: boolean;
  contentdivergent: boolean;
  closesbranch: boolean;
  branchheads: string[];
  added?: string[];
  changed?: string[];
  removed?: string[];
}

/** Turns strings the extension produced with `surrogateescape` back into our decoding (UTF-8, else Latin-1). */
export function fromSurrogateEscaped(s: string): string {
  if (!/[\udc80-\udcff]/.test(s)) return s;
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xdc80 && code <= 0xdcff) bytes.push(code - 0xdc00);
    else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return decodeBytes(Uint8Array.from(bytes));
}

/** A revision as a symbol for the extension's lookups (never a revset; the null and working-directory revisions refused). */
function symbol(rev: string): string {
  validateRevision(rev);
  if (rev === 'null' || rev === '.' || rev.startsWith('wdir')) throw invalidRevision(rev);
  return rev;
}

/** Quotes a value as a revset string literal (the value is then a symbol, never an expression). */
export function revsetString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Maps hg's stderr to typed errors. */
export function classifyHgError(stderr: string): VcsError | undefined {
  const s = stderr.toLowerCase();
  const line = firstLine(stderr);
  if (/unknown revision|ambiguous identifier|filtered revision|hidden revision|unknown branch|invalid revision identifier/.test(s)) {
    return new VcsError('InvalidRevision', `Unknown revision: ${line}`);
  }
  if (/no such file in rev|not found in manifest|repository .* not found|no repository found|there is no mercurial repository|path .* not found/.test(s)) {
    return new VcsError('NotFound', `Not found: ${line}`);
  }
  if (/parse error|syntax error|invalid date|date exceeds/.test(s)) {
    return new VcsError('InvalidArgument', `Invalid query: ${line}`);
  }
  return undefined;
}

const NO_FLAGS: GraphNodeFlags = { closesBranch: false, obsolete: false, bumped: false, divergent: false, extinct: false, unstable: false };

/** A Mercurial repository (no working copy needed), read through the command-server pool. */
export class HgRepository extends VcsRepository {
  readonly type = 'hg' as const;

  constructor(
    private readonly ctx: BackendContext,
    readonly name: string,
    readonly path: string,
  ) {
    super();
  }

  // --- plumbing -----------------------------------------------------------------------------

  /** Runs `hg <args>` through the pool; non-zero exits become typed errors. */
  async hg(args: ReadonlyArray<string | Buffer>, options: CallOptions & { input?: Buffer; okExitCodes?: number[] } = {}): Promise<HgCommandResult> {
    const res = await this.ctx.hgPool.run(this.path, args, {
      timeoutMs: options.timeoutMs ?? this.ctx.timeoutMs,
      signal: options.signal,
      input: options.input,
    });
    if (!(options.okExitCodes ?? [0]).includes(res.exitCode)) {
      throw classifyHgError(res.stderr) ?? failure('hg', args.map(String), res.stderr, res.exitCode);
    }
    return res;
  }

  /** Runs an extension command that prints JSON lines. */
  private async json<T>(args: ReadonlyArray<string | Buffer>, options: CallOptions & { input?: Buffer } = {}): Promise<T[]> {
    const { stdout } = await this.hg(args, options);
    const out: T[] = [];
    for (const line of stdout.toString('utf8').split('\n')) if (line) out.push(JSON.parse(line) as T);
    return out;
  }

  /** Tries a path argument in each of its possible byte encodings until the extension finds it. */
  private async withPath<T extends { error?: string }>(path: string, fn: (bytes: Buffer) => Promise<T>): Promise<T> {
    let last: T | undefined;
    for (const bytes of path === '' ? [Buffer.alloc(0)] : encodingCandidates(path)) {
      last = await fn(bytes);
      if (last.error !== 'notfound') return last;
    }
    return last!;
  }

  private toChangeset(r: HgRecord): Changeset {
    const person = splitPerson(fromSurrogateEscaped(r.user));
    const date = { timestamp: r.time, offset: -Math.round(r.tz / 60) };
    const cs: Changeset = {
      rawId: r.node,
      shortId: r.node.slice(0, 12),
      revision: r.rev,
      author: fromSurrogateEscaped(r.user),
      authorName: person.name,
      authorEmail: person.email,
      date,
      authorDate: date,
      message: fromSurrogateEscaped(r.desc),
      parents: r.parents,
      children: r.children,
      branch: fromSurrogateEscaped(r.branch),
      branchHeads: r.branchheads.map(fromSurrogateEscaped),
      tags: r.tags.map(fromSurrogateEscaped),
      bookmarks: r.bookmarks.map(fromSurrogateEscaped),
      phase: r.phase as Changeset['phase'],
      obsolete: r.obsolete,
      bumped: r.phasedivergent,
      divergent: r.contentdivergent,
      extinct: r.extinct,
      unstable: r.orphan,
      closesBranch: r.closesbranch,
    };
    if (r.added) {
      cs.added = r.added.map(fromSurrogateEscaped);
      cs.changed = (r.changed ?? []).map(fromSurrogateEscaped);
      cs.removed = (r.removed ?? []).map(fromSurrogateEscaped);
    }
    return cs;
  }

  private async log(revset: string, options: CallOptions & { withFiles?: boolean } = {}): Promise<Changeset[]> {
    const args = ['grove-log', ...(options.withFiles ? ['--files'] : []), '--', revset];
    const records = await this.json<HgRecord>(args, options);
    return records.map((r) => this.toChangeset(r));
  }

  // --- refs ---------------------------------------------------------------------------------

  private async refsRaw(options: CallOptions): Promise<HgRefsRecord> {
    const [refs] = await this.json<HgRefsRecord>(['grove-refs'], options);
    return refs!;
  }

  override async refs(options: CallOptions = {}): Promise<RepoRefs> {
    const raw = await this.refsRaw(options);
    const ref = (x: { name: string; node: string }) => ({ name: fromSurrogateEscaped(x.name), rawId: x.node });
    return {
      branches: raw.branches.filter((b) => !b.closed).map(ref),
      closedBranches: raw.branches.filter((b) => b.closed).map(ref),
      tags: raw.tags.map(ref),
      bookmarks: raw.bookmarks.map(ref),
      defaultBranch: 'default',
      tip: raw.tip,
    };
  }

  override async heads(branch?: string, options: CallOptions = {}): Promise<string[]> {
    if (branch !== undefined) validateBranchName(branch);
    const revset = branch === undefined ? 'reverse(heads(all()))' : `reverse(head() and branch(${revsetString(branch)}))`;
    const { stdout } = await this.hg(['log', '-r', revset, '-T', '{node}\\n'], options);
    return stdout.toString('latin1').split('\n').filter(Boolean);
  }

  override async isEmpty(options: CallOptions = {}): Promise<boolean> {
    return (await this.refsRaw(options)).tiprev < 0;
  }

  override async resolveRevision(rev: string, options: CallOptions = {}): Promise<string> {
    return (await this.record(rev, options)).node;
  }

  private async record(rev: string, options: CallOptions): Promise<HgRecord> {
    const [rec] = await this.json<HgRecord>(['grove-log', '--symbol', '--', symbol(rev)], options);
    if (!rec || rec.rev < 0) throw invalidRevision(rev);
    return rec;
  }

  // --- changesets ---------------------------------------------------------------------------

  override async getChangeset(rev: string, options: GetChangesetOptions = {}): Promise<Changeset> {
    const [cs] = await this.getChangesets([rev], options);
    return cs!;
  }

  override async getChangesets(revs: readonly string[], options: GetChangesetOptions = {}): Promise<Changeset[]> {
    const symbols = revs.map(symbol);
    if (symbols.length === 0) return [];
    const records = await this.json<HgRecord>(['grove-log', '--symbol', ...(options.withFiles ? ['--files'] : []), '--', ...symbols], options);
    return records.map((r) => this.toChangeset(r));
  }

  /** The revset of a query's filters (ascending order), built only from numbers and quoted literals. */
  private queryRevset(query: ChangesetQuery): string {
    const parts: string[] = [];
    if (query.revision !== undefined) parts.push(`::${revsetString(symbol(query.revision))}`);
    if (query.branch !== undefined) {
      validateBranchName(query.branch);
      parts.push(`branch(${revsetString(query.branch)})`);
    }
    const int = (n: number, what: string): number => {
      if (!Number.isFinite(n)) throw invalidArgument(`Invalid ${what}`);
      return Math.trunc(n);
    };
    if (query.since !== undefined) parts.push(`date(${revsetString(`>${int(query.since, 'date')} 0`)})`);
    if (query.until !== undefined) parts.push(`date(${revsetString(`<${int(query.until, 'date')} 0`)})`);
    if (query.minRevision !== undefined || query.maxRevision !== undefined) {
      const lo = Math.max(0, int(query.minRevision ?? 0, 'revision'));
      const hi = Math.min(2 ** 31 - 1, int(query.maxRevision ?? 2 ** 31 - 1, 'revision'));
      parts.push(hi < lo ? 'none()' : `grovebetween(${lo}, ${hi})`);
    }
    if (query.path !== undefined) {
      const path = validateFilePath(query.path);
      if (path) parts.push(`file(${revsetString(`path:${path}`)})`);
    }
    return parts.length === 0 ? 'all()' : parts.map((p) => `(${p})`).join(' and ');
  }

  override async listChangesets(query: ChangesetQuery = {}): Promise<Changeset[]> {
    const { start, limit } = paging(query);
    if (limit === 0) return [];
    const base = this.queryRevset(query);
    const ordered = query.reverse ? `sort(${base}, rev)` : `sort(${base}, -rev)`;
    return this.log(`limit(${ordered}, ${limit}, ${start})`, { ...query, withFiles: query.withFiles });
  }

  override async countChangesets(query: ChangesetQuery = {}): Promise<number> {
    const { stdout } = await this.hg(['grove-count', '--', this.queryRevset(query)], query);
    return Number(stdout.toString('latin1').trim());
  }

  override async graph(revisions: readonly number[], options: CallOptions = {}): Promise<GraphRow[]> {
    if (revisions.length === 0) return [];
    for (const r of revisions) if (!Number.isInteger(r) || r < 0) throw invalidRevision(String(r));
    const [dag] = await this.json<{ revs: Array<[number, number, number, string]>; flags: Record<string, number[]> }>(
      ['grove-dag', '--', ...revisions.map(String)],
      options,
    );
    const parents = new Map<number, number[]>();
    const branches = new Map<number, string>();
    for (const [rev, p1, p2, branch] of dag!.revs) {
      parents.set(rev, [p1, p2].filter((p) => p >= 0));
      branches.set(rev, fromSurrogateEscaped(branch));
    }
    for (const r of revisions) if (!parents.has(r)) throw invalidRevision(String(r));
    return computeGraph(revisions, {
      parents: (r) => parents.get(r) ?? [],
      branch: (r) => branches.get(r) ?? null,
      flags: (r) => {
        const f = dag!.flags[String(r)];
        if (!f) return NO_FLAGS;
        return { closesBranch: !!f[0], obsolete: !!f[1], bumped: !!f[2], divergent: !!f[3], extinct: !!f[4], unstable: !!f[5] };
      },
    });
  }

  // --- files --------------------------------------------------------------------------------

  override async listDirectory(rev: string, path = '', options: CallOptions = {}): Promise<DirectoryListing> {
    const dir = validateFilePath(path);
    const res = await this.withPath(dir, async (bytes) => (await this.json<HgLsRecord>(['grove-ls', '--', symbol(rev), bytes], options))[0]);
    if (res.error === 'file') throw invalidPath(`Path ${printable(dir)} is not a directory`);
    if (res.error) throw notFound(`Path ${printable(dir)} not found at ${printable(rev)}`);
    const node = res.node!;
    const prefix = dir ? `${dir}/` : '';
    const entries: TreeEntry[] = res.entries!.map((e) => {
      const name = fromSurrogateEscaped(e.name);
      const entry: TreeEntry = {
        name,
        path: prefix + name,
        kind: e.kind,
        size: e.size ?? null,
        mode: e.mode,
        executable: e.mode === '100755',
      };
      if (e.target !== undefined) entry.symlinkTarget = fromSurrogateEscaped(e.target);
      if (e.subrepo) entry.subrepo = { url: fromSurrogateEscaped(e.subrepo.url), revision: e.subrepo.revision, type: e.subrepo.type };
      return entry;
    });
    return { rawId: node, path: dir, entries };
  }

  override async walk(rev: string, path = '', options: CallOptions = {}): Promise<NodeWalk> {
    const dir = validateFilePath(path);
    const res = await this.withPath(dir, async (bytes) => (await this.json<HgLsRecord>(['grove-ls', '--recursive', '--', symbol(rev), bytes], options))[0]);
    if (res.error === 'file') throw invalidPath(`Path ${printable(dir)} is not a directory`);
    if (res.error) throw notFound(`Path ${printable(dir)} not found`);
    return { rawId: res.node!, ...walkOrder(res.files!.map(fromSurrogateEscaped), dir) };
  }

  private async cat(rev: string, file: string, maxBytes: number | undefined, options: CallOptions): Promise<{ header: HgCatHeader; data: Buffer }> {
    const extra = maxBytes !== undefined ? ['--max-bytes', String(Math.max(0, Math.trunc(maxBytes)))] : [];
    const res = await this.withPath(file, async (bytes) => {
      const { stdout } = await this.hg(['grove-cat', ...extra, '--', symbol(rev), bytes], options);
      const nl = stdout.indexOf(0x0a);
      const header = JSON.parse(stdout.subarray(0, nl).toString('utf8')) as HgCatHeader;
      return { error: header.error, header, data: stdout.subarray(nl + 1) };
    });
    if (res.header.error === 'dir') throw invalidPath(`Path ${printable(file)} is not a file`);
    if (res.header.error) throw notFound(`File ${printable(file)} not found at ${printable(rev)}`);
    return res;
  }

  override async readFile(rev: string, path: string, options: CallOptions & { maxBytes?: number } = {}): Promise<FileContent> {
    const file = validateFilePath(path, { allowRoot: false });
    const { header, data } = await this.cat(rev, file, options.maxBytes, options);
    return {
      path: file,
      rawId: header.node!,
      size: header.size!,
      mode: header.mode!,
      kind: header.kind!,
      binary: isBinary(data),
      content: data,
      truncated: data.length < header.size!,
    };
  }

  override async readFileStream(rev: string, path: string, options: CallOptions = {}): Promise<FileStream> {
    const file = validateFilePath(path, { allowRoot: false });
    const limit = 1024 * 1024;
    const { header, data } = await this.cat(rev, file, limit, options);
    const node = header.node!;
    if (data.length >= header.size!) return { path: file, rawId: node, size: header.size!, stream: Readable.from([data]) };
    // Big files stream from their own process instead of passing through the command server's memory.
    const args = ['cat', '-r', node, '--', `path:${file}`];
    const child = startProcess(this.ctx.tools.hgBinary, args, {
      env: this.ctx.tools.hgEnv,
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.longTimeoutMs,
      signal: options.signal,
      label: this.name,
      logger: this.ctx.log,
    });
    child.stdin.end();
    return { path: file, rawId: node, size: header.size!, stream: outputStream(child, 'hg', args) };
  }

  override async lastChangesets(rev: string, path = '', options: CallOptions = {}): Promise<Record<string, Changeset>> {
    const dir = validateFilePath(path);
    // One call: the entries' revisions, then the changeset records they point to.
    const { stdout } = await this.withPath(dir, async (bytes) => {
      const out = await this.hg(['grove-lastchanges', '--', symbol(rev), bytes], options);
      const first = out.stdout.subarray(0, out.stdout.indexOf(0x0a)).toString('utf8');
      return { error: (JSON.parse(first) as { error?: string }).error, stdout: out.stdout };
    });
    const [head, ...records] = stdout.toString('utf8').split('\n').filter(Boolean);
    const res = JSON.parse(head!) as { error?: string; entries?: Record<string, number> };
    if (res.error) throw notFound(`Path ${printable(dir)} not found`);
    const byRev = new Map(records.map((line) => this.toChangeset(JSON.parse(line) as HgRecord)).map((c) => [c.revision, c]));
    return Object.fromEntries(Object.entries(res.entries!).map(([name, r]) => [fromSurrogateEscaped(name), byRev.get(r)!]));
  }

  override async annotate(rev: string, path: string, options: CallOptions = {}): Promise<Annotation> {
    const file = validateFilePath(path, { allowRoot: false });
    const { stdout } = await this.withPath(file, async (bytes) => {
      const out = await this.hg(['grove-annotate', '--', symbol(rev), bytes], options);
      const first = out.stdout.subarray(0, out.stdout.indexOf(0x0a)).toString('utf8');
      return { error: (JSON.parse(first) as { error?: string }).error, stdout: out.stdout };
    });
    const [head, ...records] = stdout.toString('utf8').split('\n').filter(Boolean);
    const res = JSON.parse(head!) as { error?: string; node: string; revs: number[]; lines: string[] };
    if (res.error) throw notFound(`File ${printable(file)} not found at ${printable(rev)}`);
    const changesets = records.map((line) => this.toChangeset(JSON.parse(line) as HgRecord));
    const byRev = new Map(changesets.map((c) => [c.revision, c]));
    const lines: AnnotatedLine[] = res.revs.map((r, i) => ({
      lineNumber: i + 1,
      content: fromSurrogateEscaped(res.lines[i]!).replace(/\r?\n$/, ''),
      rawId: byRev.get(r)!.rawId,
      revision: r,
    }));
    return { rawId: res.node, path: file, lines, changesets: Object.fromEntries(changesets.map((c) => [c.rawId, c])) };
  }

  // --- diffs --------------------------------------------------------------------------------

  private diffArgs(options: DiffOptions): string[] {
    const args = ['diff', '--git'];
    if (options.ignoreWhitespace) args.push('--ignore-all-space');
    const context = options.context ?? 3;
    if (!Number.isInteger(context) || context < 0 || context > 100000) throw invalidArgument('Invalid context line count');
    args.push('-U', String(context));
    return args;
  }

  private pathArgs(paths: readonly string[] | undefined): string[] {
    if (!paths || paths.length === 0) return [];
    return ['--', ...paths.map((p) => `path:${validateFilePath(p, { allowRoot: false })}`)];
  }

  override async diff(from: string | null, to: string, options: DiffOptions & { other?: VcsRepository } = {}): Promise<RawDiff> {
    const other = options.other;
    if (other && !(other instanceof HgRepository)) throw invalidArgument('Cannot compare a Mercurial repository with a non-Mercurial one');
    const fromNode = from === null ? 'null' : await this.resolveRevision(from, options);
    const toNode = other ? await other.resolveRevision(to, options) : await this.resolveRevision(to, options);
    const args = [...this.diffArgs(options), '-r', fromNode, '-r', toNode, ...this.pathArgs(options.paths)];
    if (other) return this.unionRun(other, args, options);
    return this.limited(await this.hg(args, options), options.maxBytes);
  }

  override async changesetDiff(rev: string, options: DiffOptions = {}): Promise<RawDiff> {
    const node = await this.resolveRevision(rev, options);
    return this.limited(await this.hg([...this.diffArgs(options), '-c', node, ...this.pathArgs(options.paths)], options), options.maxBytes);
  }

  private limited(res: HgCommandResult, maxBytes: number | undefined): RawDiff {
    if (maxBytes !== undefined && res.stdout.length > maxBytes) return { raw: res.stdout.subarray(0, maxBytes), truncated: true };
    return { raw: res.stdout, truncated: false };
  }

  /** Runs hg on the union of this repository and `other` (Mercurial's read-only `union:` repository). */
  private async unionRun(other: HgRepository, args: string[], options: DiffOptions): Promise<RawDiff> {
    const res = await runProcess(this.ctx.tools.hgBinary, ['-R', `union:${this.path}+${other.path}`, ...args], {
      env: this.ctx.tools.hgEnv,
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.timeoutMs,
      signal: options.signal,
      maxOutputBytes: options.maxBytes,
      classifyError: classifyHgError,
      label: this.name,
      logger: this.ctx.log,
    });
    return { raw: res.stdout, truncated: res.truncated };
  }

  override async compare(base: string, head: string, options: CallOptions & { other?: VcsRepository } = {}): Promise<ComparePlan> {
    const other = options.other;
    if (other && !(other instanceof HgRepository)) throw invalidArgument('Cannot compare a Mercurial repository with a non-Mercurial one');
    const baseNode = await this.resolveRevision(base, options);
    const headRepo = (other as HgRepository | undefined) ?? this;
    const headNode = await headRepo.resolveRevision(head, options);
    const query = ['log', '-T', '{node}\\n', '-r'];
    const ancestorsSet = `heads(::${revsetString(baseNode)} and ::${revsetString(headNode)})`;
    const onlySet = `only(${revsetString(headNode)}, ${revsetString(baseNode)})`;
    let ancestorsOut: Buffer;
    let onlyOut: Buffer;
    if (other) {
      const run = async (revset: string): Promise<Buffer> =>
        (await this.unionRun(other as HgRepository, [...query, revset], options)).raw;
      [ancestorsOut, onlyOut] = await Promise.all([run(ancestorsSet), run(onlySet)]);
    } else {
      [ancestorsOut, onlyOut] = await Promise.all([
        this.hg([...query, ancestorsSet], options).then((r) => r.stdout),
        this.hg([...query, onlySet], options).then((r) => r.stdout),
      ]);
    }
    const ancestors = ancestorsOut.toString('latin1').split('\n').filter(Boolean);
    const nodes = onlyOut.toString('latin1').split('\n').filter(Boolean);
    const changesets = await headRepo.getChangesets(nodes, options);
    changesets.sort((a, b) => a.revision - b.revision);
    return { ancestors, changesets };
  }

  // --- archives, commits, statistics --------------------------------------------------------

  override async archive(rev: string, options: ArchiveOptions): Promise<ArchiveStream> {
    const node = await this.resolveRevision(rev, options);
    const kinds: Record<string, string> = { zip: 'zip', tgz: 'tgz', tbz2: 'tbz2', tar: 'tar' };
    const kind = kinds[options.format];
    if (!kind) throw invalidArgument(`Unknown archive format ${printable(String(options.format))}`);
    const prefix = validateArchivePrefix(options.prefix ?? `${basename(this.path)}-${node.slice(0, 12)}`);
    const args = ['archive', '-r', node, '-t', kind, '-p', prefix];
    if (options.subdirectory) {
      const sub = validateFilePath(options.subdirectory);
      if (sub) {
        await this.listDirectory(node, sub, options);
        args.push('-I', `path:${sub}`);
      }
    }
    args.push('--', '-');
    const child = startProcess(this.ctx.tools.hgBinary, args, {
      env: this.ctx.tools.hgEnv,
      cwd: this.path,
      timeoutMs: options.timeoutMs ?? this.ctx.longTimeoutMs,
      signal: options.signal,
      label: this.name,
      logger: this.ctx.log,
    });
    child.stdin.end();
    return { rawId: node, stream: outputStream(child, 'hg', args) };
  }

  override async commit(request: CommitRequest): Promise<Changeset> {
    validateBranchName(request.branch);
    validateAuthor(request.author);
    if (request.parentId !== null && !/^[0-9a-f]{40}$/.test(request.parentId)) throw invalidRevision(request.parentId);
    const date = request.date ?? nowDate();
    const contents: Buffer[] = [];
    const actions = request.actions.map((a) => {
      const path = validateFilePath(a.path, { allowRoot: false });
      const data = 'content' in a && a.content !== undefined ? (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content) : undefined;
      if (data) contents.push(data);
      if (a.op === 'rename') return { op: a.op, path, from: validateFilePath(a.from, { allowRoot: false }), size: data?.length ?? null };
      if (a.op === 'delete') return { op: a.op, path, size: null };
      if (a.op === 'add' || a.op === 'edit') return { op: a.op, path, size: data!.length, exec: a.executable ?? null };
      throw invalidArgument('Unknown commit action');
    });
    const header = Buffer.from(
      JSON.stringify({
        branch: request.branch,
        parent: request.parentId,
        user: `${request.author.name} <${request.author.email}>`,
        time: date.timestamp,
        tz: -date.offset * 60,
        message: request.message,
        actions,
      }),
      'utf8',
    );
    const len = Buffer.alloc(4);
    len.writeUInt32BE(header.length);
    const [result] = await this.json<{ node?: string; error?: string; message?: string; path?: string }>(['grove-commit'], {
      ...request,
      input: Buffer.concat([len, header, ...contents]),
      timeoutMs: request.timeoutMs ?? this.ctx.longTimeoutMs,
    });
    if (!result) throw new VcsError('VcsFailure', 'grove-commit printed nothing');
    if (result.error === 'conflict') throw conflict(result.message ?? 'The branch has moved');
    if (result.error === 'exists') throw conflict(`File ${printable(result.path ?? '')} already exists`);
    if (result.error === 'notfound') throw notFound(`File ${printable(result.path ?? '')} not found`);
    return this.getChangeset(result.node!, { ...request, withFiles: true });
  }

  override async statistics(fromRevision: number, limit: number, options: CallOptions = {}): Promise<StatisticsBatch> {
    const raw = await this.refsRaw(options);
    const from = Math.max(0, Math.trunc(fromRevision));
    const to = Math.min(raw.tiprev, from + Math.max(1, Math.trunc(limit)) - 1);
    if (from > to) return { fromRevision: -1, toRevision: -1, done: true, authors: [], commitsPerExtension: {}, languages: {} };
    const changesets = await this.log(`${from}:${to}`, { ...options, withFiles: true });
    const acc = accumulateStatistics(
      changesets.map((c) => ({ author: c.author, timestamp: c.date.timestamp, added: c.added!, changed: c.changed!, removed: c.removed! })),
    );
    const done = to === raw.tiprev;
    let languages: Record<string, number> = {};
    if (from === 0 || done) {
      const [ls] = await this.json<HgLsRecord>(['grove-ls', '--recursive', '--', 'tip', ''], options);
      languages = countExtensions((ls?.files ?? []).map(fromSurrogateEscaped));
    }
    return { fromRevision: from, toRevision: to, done, ...acc, languages };
  }
}

interface HgRefsRecord {
  branches: Array<{ name: string; node: string; rev: number; closed: boolean; heads: string[] }>;
  tags: Array<{ name: string; node: string; rev: number }>;
  bookmarks: Array<{ name: string; node: string }>;
  tip: string | null;
  tiprev: number;
}

interface HgLsRecord {
  error?: string;
  node?: string;
  entries?: Array<{
    name: string;
    kind: TreeEntry['kind'];
    mode: string;
    size?: number;
    target?: string;
    subrepo?: { url: string; revision: string; type: string };
  }>;
  files?: string[];
}

interface HgCatHeader {
  error?: string;
  node?: string;
  size?: number;
  kind?: 'file' | 'symlink';
  mode?: string;
}

/** Directories in pre-order and files in the same walk, entries of one directory sorted by name. */
export function walkOrder(files: readonly string[], root: string): { dirs: string[]; files: string[] } {
  interface Dir {
    dirs: Map<string, Dir>;
    files: string[];
  }
  const top: Dir = { dirs: new Map(), files: [] };
  const prefix = root ? `${root}/` : '';
  for (const f of files) {
    const rel = f.slice(prefix.length).split('/');
    let d = top;
    for (const seg of rel.slice(0, -1)) {
      let next = d.dirs.get(seg);
      if (!next) {
        next = { dirs: new Map(), files: [] };
        d.dirs.set(seg, next);
      }
      d = next;
    }
    d.files.push(rel[rel.length - 1]);
  }
  const dirsOut: string[] = [];
  const filesOut: string[] = [];
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const visit = (d: Dir, at: string): void => {
    for (const f of [...d.files].sort(cmp)) filesOut.push(at + f);
    for (const name of [...d.dirs.keys()].sort(cmp)) {
      dirsOut.push(at + name);
      visit(d.dirs.get(name)!, `${at}${name}/`);
    }
  };
  visit(top, prefix);
  return { dirs: dirsOut, files: filesOut };
}
