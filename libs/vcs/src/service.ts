import { constants as fsConstants, existsSync } from 'node:fs';
import { access, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { Changeset, Phase, RepoType } from '@grove/shared';
import type { BackendContext, VcsLogger, VcsTuning } from './context';
import { conflict, invalidArgument, invalidName, notFound, printable, VcsError } from './errors';
import { CatFilePool, type CatFilePoolOptions } from './git/cat-file-pool';
import { classifyGitError, GitRepository } from './git/git-repository';
import { startGitHttpBackend, startGitSsh, type GitHttpBackendProcess, type GitHttpRequest, type GitSshService } from './git/git-serve';
import { HgCommandServerPool, type HgPoolOptions, type HgPoolStats } from './hg/cmdserver-pool';
import { classifyHgError, HgRepository, revsetString } from './hg/hg-repository';
import { HgHttpWorkerPool, type HgHttpWorkerOptions } from './hg/http-workers';
import { readBookmarks, readChangelogLength, readPhaseRoots } from './hg/store-files';
import { repoPath, validateRepoName } from './names';
import { listRunningProcesses, runProcess, startProcess, type RunningProcessInfo, type VcsChildProcess } from './process/run';
import { createToolEnvironment, disposeToolEnvironment } from './process/tool-env';
import { parseRemoteUrl } from './remote-url';
import type { CallOptions, VcsRepository } from './vcs';

/** Settings of {@link VcsService}. */
export interface VcsServiceOptions {
  /** The repositories root: every repository is addressed by its name relative to it. */
  reposRoot: string;
  /** Private directory for HOME, git config and hgrc (default: a fresh temporary directory, removed on close). */
  stateDir?: string;
  gitBinary?: string;
  hgBinary?: string;
  /** Deadline of ordinary reads in ms (default 60 s). */
  timeoutMs?: number;
  /** Deadline of clones, pulls, forks and archives in ms (default 1 h). */
  longTimeoutMs?: number;
  hgCommandServers?: HgPoolOptions;
  gitCatFile?: CatFilePoolOptions;
  hgHttpWorkers?: HgHttpWorkerOptions;
  logger?: VcsLogger;
  tuning?: VcsTuning;
}

/** A repository found by {@link VcsService.scan}. */
export interface ScannedRepository {
  name: string;
  type: RepoType;
}

/** State of a repository before or after a push (see {@link VcsService.pushSnapshot}). */
export type PushSnapshot =
  | { type: 'git'; refs: Record<string, string> }
  | { type: 'hg'; changelogLength: number; bookmarks: Record<string, string>; phaseRoots: { draft: string[]; secret: string[] } };

/** A ref (git) or bookmark (hg) that a push moved; null ids mean created / deleted. */
export interface RefChange {
  name: string;
  kind: 'branch' | 'tag' | 'bookmark' | 'other';
  oldId: string | null;
  newId: string | null;
}

/** What a push changed. */
export interface PushChanges {
  /** New changesets, oldest first. */
  changesets: Changeset[];
  refs: RefChange[];
  /** hg: changesets whose phase moved (e.g. draft → public). */
  phases: Array<{ rawId: string; from: Phase; to: Phase }>;
}

/** Options of clone and pull. */
export interface RemoteOptions extends CallOptions {
  /** Allow a local path or `file://` URL as the remote (refused by default). */
  allowLocal?: boolean;
}

/**
 * The entry point of libs/vcs: one instance per process, built from a repositories root.
 * Opens repositories (git or hg behind {@link VcsRepository}), manages them on disk, and hands the
 * gateway its serving processes. Everything is asynchronous; call {@link close} on shutdown.
 */
export class VcsService {
  readonly reposRoot: string;
  private readonly options: VcsServiceOptions;
  private context: Promise<BackendContext> | undefined;
  private readonly repos = new Map<string, VcsRepository>();
  private workers: HgHttpWorkerPool | undefined;
  private closed = false;

  constructor(options: VcsServiceOptions) {
    if (!options.reposRoot) throw invalidArgument('reposRoot is required');
    this.reposRoot = resolve(options.reposRoot);
    this.options = options;
  }

  /** The shared tools, pools and settings, created on first use. */
  private ready(): Promise<BackendContext> {
    if (this.closed) return Promise.reject(new VcsError('Aborted', 'VcsService is closed'));
    this.context ??= (async () => {
      const tools = await createToolEnvironment({
        stateDir: this.options.stateDir,
        gitBinary: this.options.gitBinary,
        hgBinary: this.options.hgBinary,
        hgExtensionPath: hgExtensionPath(),
      });
      const log = this.options.logger ?? (() => undefined);
      return {
        tools,
        timeoutMs: this.options.timeoutMs ?? 60_000,
        longTimeoutMs: this.options.longTimeoutMs ?? 3_600_000,
        hgPool: new HgCommandServerPool(tools.hgBinary, tools.hgEnv, this.options.hgCommandServers, log),
        catFiles: new CatFilePool(tools.gitBinary, tools.gitEnv, this.options.gitCatFile, log),
        log,
        tuning: { lastChangesetsFullScanBelow: 2000, lastChangesetsFirstScan: 256, ...this.options.tuning },
      };
    })();
    return this.context;
  }

  /** The absolute directory of a repository name (validated; never outside the root). */
  pathOf(name: string): string {
    return repoPath(this.reposRoot, name);
  }

  // --- lifecycle ----------------------------------------------------------------------------

  /** The VCS of a directory under the root, or null when it is not a repository. */
  async detectType(name: string): Promise<RepoType | null> {
    return detectDirectory(this.pathOf(name));
  }

  /** Opens a repository; throws `NotFound` when `name` is not one. */
  async open(name: string): Promise<VcsRepository> {
    const path = this.pathOf(name);
    const cached = this.repos.get(name);
    const type = await detectDirectory(path);
    if (cached && cached.type === type) return cached;
    if (!type) throw notFound(`Repository ${printable(name)} not found`);
    const ctx = await this.ready();
    const repo = type === 'git' ? new GitRepository(ctx, name, path) : new HgRepository(ctx, name, path);
    if (this.repos.size >= 512) this.repos.delete(this.repos.keys().next().value!);
    this.repos.set(name, repo);
    return repo;
  }

  private async prepareTarget(name: string): Promise<string> {
    const path = this.pathOf(name);
    if (existsSync(path)) throw conflict(`${printable(name)} already exists`);
    // Never create a repository inside another one.
    const segments = name.split('/');
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      if (await detectDirectory(this.pathOf(parent))) throw invalidName(`${printable(parent)} is a repository`);
    }
    await mkdir(dirname(path), { recursive: true });
    return path;
  }

  /** Creates an empty repository (git: bare; hg: no working copy). */
  async init(name: string, type: RepoType, options: CallOptions & { defaultBranch?: string } = {}): Promise<VcsRepository> {
    if (type !== 'git' && type !== 'hg') throw invalidArgument(`Unknown repository type ${printable(String(type))}`);
    const ctx = await this.ready();
    const path = await this.prepareTarget(name);
    try {
      if (type === 'git') {
        const args = ['init', '--bare', '--quiet'];
        if (options.defaultBranch) {
          if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/.test(options.defaultBranch) || options.defaultBranch.includes('..')) {
            throw invalidArgument('Invalid default branch');
          }
          args.push(`--initial-branch=${options.defaultBranch}`);
        }
        await this.git(ctx, [...args, path], { ...options, cwd: dirname(path) });
      } else {
        await this.hgSpawn(ctx, ['init', '--', path], { ...options, cwd: dirname(path) });
      }
    } catch (err) {
      await rm(path, { recursive: true, force: true });
      throw err;
    }
    return this.open(name);
  }

  /**
   * Creates repository `name` as a copy of a remote (http(s), ssh; a local path only with
   * `allowLocal`). Credentials in the URL are used but never stored in the repository or shown.
   */
  async clone(name: string, type: RepoType, url: string, options: RemoteOptions = {}): Promise<VcsRepository> {
    const remote = parseRemoteUrl(url, { allowLocal: options.allowLocal, scpLike: type === 'git' });
    const ctx = await this.ready();
    await this.init(name, type, options);
    try {
      await this.fetchInto(ctx, name, type, remote.url, remote.kind === 'local', options, true);
    } catch (err) {
      await this.purgeDirectory(name);
      throw err;
    }
    this.repos.delete(name);
    return this.open(name);
  }

  /** Pulls everything new from a remote into an existing repository (mirrors, the JSON-RPC `pull`). */
  async pull(name: string, url: string, options: RemoteOptions = {}): Promise<void> {
    const repo = await this.open(name);
    const remote = parseRemoteUrl(url, { allowLocal: options.allowLocal, scpLike: repo.type === 'git' });
    const ctx = await this.ready();
    await this.fetchInto(ctx, name, repo.type, remote.url, remote.kind === 'local', options, false);
  }

  private async fetchInto(ctx: BackendContext, name: string, type: RepoType, url: string, local: boolean, options: CallOptions, setHead: boolean): Promise<void> {
    const path = this.pathOf(name);
    const timeoutMs = options.timeoutMs ?? ctx.longTimeoutMs;
    if (type === 'git') {
      const env = { GIT_ALLOW_PROTOCOL: local ? 'http:https:ssh:file' : 'http:https:ssh' };
      await this.git(ctx, ['fetch', '--quiet', '--no-write-fetch-head', '--', url, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'], {
        ...options,
        cwd: path,
        env,
        timeoutMs,
      });
      if (setHead) {
        const { stdout } = await this.git(ctx, ['ls-remote', '--symref', '--', url, 'HEAD'], { ...options, cwd: path, env, timeoutMs });
        const m = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(stdout.toString('utf8'));
        if (m) await this.git(ctx, ['symbolic-ref', 'HEAD', `refs/heads/${m[1]}`], { ...options, cwd: path });
      }
    } else {
      await this.hgSpawn(ctx, ['pull', '--quiet', '-R', path, '--', url], { ...options, cwd: path, timeoutMs });
    }
  }

  /** Creates `target` as a server-side clone of repository `source` (a fork). */
  async fork(source: string, target: string, options: CallOptions = {}): Promise<VcsRepository> {
    const src = await this.open(source);
    const ctx = await this.ready();
    const dst = await this.prepareTarget(target);
    const timeoutMs = options.timeoutMs ?? ctx.longTimeoutMs;
    try {
      if (src.type === 'git') {
        await this.git(ctx, ['clone', '--bare', '--quiet', '--local', '--', src.path, dst], { ...options, cwd: dirname(dst), timeoutMs });
        await this.git(ctx, ['remote', 'remove', 'origin'], { ...options, cwd: dst });
      } else {
        await this.hgSpawn(ctx, ['clone', '--quiet', '--noupdate', '--', src.path, dst], { ...options, cwd: dirname(dst), timeoutMs });
      }
    } catch (err) {
      await rm(dst, { recursive: true, force: true });
      throw err;
    }
    return this.open(target);
  }

  /** Renames or moves a repository (or a repository group directory); parent directories are created. */
  async rename(from: string, to: string): Promise<void> {
    const src = this.pathOf(from);
    if (!existsSync(src)) throw notFound(`${printable(from)} not found`);
    const dst = await this.prepareTarget(to);
    if ((dst + '/').startsWith(src + '/')) throw invalidName('Cannot move a directory into itself');
    await this.forget(from);
    await rename(src, dst);
  }

  /**
   * Marks a repository deleted by renaming it to `rm__<YYYYMMDD_HHMMSS_ffffff>__<name>` in the same
   * parent directory (Kallithea's convention; undone by renaming back). Returns the new name.
   */
  async markDeleted(name: string, at: Date = new Date()): Promise<string> {
    if (!(await this.detectType(name))) throw notFound(`Repository ${printable(name)} not found`);
    const segments = name.split('/');
    const last = segments.pop()!;
    const newName = [...segments, `rm__${deletionStamp(at)}__${last}`].join('/');
    await this.forget(name);
    await rename(this.pathOf(name), this.pathOf(newName));
    return newName;
  }

  /** Moves a repository group directory to `<root>/rm__<stamp>_GROUP_<last segment>` (Kallithea's convention). */
  async markGroupDeleted(group: string, at: Date = new Date()): Promise<string> {
    const path = this.pathOf(group);
    if (!existsSync(path) || (await detectDirectory(path))) throw notFound(`Group ${printable(group)} not found`);
    const newName = `rm__${deletionStamp(at)}_GROUP_${group.split('/').pop()!}`;
    await rename(path, this.pathOf(newName));
    return newName;
  }

  /** Creates a repository group directory (and its parents). */
  async createGroup(group: string): Promise<void> {
    const path = this.pathOf(group);
    const segments = group.split('/');
    for (let i = 1; i <= segments.length; i++) {
      if (await detectDirectory(this.pathOf(segments.slice(0, i).join('/')))) throw invalidName(`${printable(group)} is inside a repository`);
    }
    await mkdir(path, { recursive: true });
  }

  /** Deletes a repository (or an `rm__` entry) from disk for good. */
  async purge(name: string): Promise<void> {
    validateRepoName(name);
    const last = name.split('/').pop()!;
    if (!last.startsWith('rm__') && !(await this.detectType(name))) throw notFound(`Repository ${printable(name)} not found`);
    await this.forget(name);
    await this.purgeDirectory(name);
  }

  private async purgeDirectory(name: string): Promise<void> {
    await rm(this.pathOf(name), { recursive: true, force: true });
  }

  /** Stops processes and drops caches of a repository that is about to move or disappear. */
  private async forget(name: string): Promise<void> {
    this.repos.delete(name);
    if (!this.context) return;
    const ctx = await this.context;
    const path = this.pathOf(name);
    for (const key of [...this.repos.keys()]) if (key.startsWith(`${name}/`)) this.repos.delete(key);
    ctx.catFiles.forget(path);
    ctx.hgPool.forget(path);
  }

  /**
   * Every repository under the root, nested in group directories; `rm__*` entries, hidden directories
   * (`.rc_gist_store` and the like) and anything inside a repository are skipped.
   */
  async scan(): Promise<{ repositories: ScannedRepository[]; groups: string[] }> {
    const repositories: ScannedRepository[] = [];
    const groups: string[] = [];
    const visit = async (rel: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(rel ? join(this.reposRoot, rel) : this.reposRoot, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (!e.isDirectory() || e.name.startsWith('.') || e.name.startsWith('rm__') || e.name.startsWith('-')) continue;
        const name = rel ? `${rel}/${e.name}` : e.name;
        try {
          validateRepoName(name);
        } catch {
          continue;
        }
        const type = await detectDirectory(join(this.reposRoot, name));
        if (type) repositories.push({ name, type });
        else {
          groups.push(name);
          await visit(name);
        }
      }
    };
    await visit('');
    return { repositories, groups };
  }

  /**
   * Maintenance that makes reads faster, for a background job after pushes: git gets a commit-graph
   * with changed-path Bloom filters (history and last-changeset scans of a path skip most commits)
   * and packed refs; hg refreshes its caches (branch map, tags, revision branch cache).
   */
  async optimize(name: string, options: CallOptions = {}): Promise<void> {
    const repo = await this.open(name);
    const ctx = await this.ready();
    const timeoutMs = options.timeoutMs ?? ctx.longTimeoutMs;
    if (repo.type === 'git') {
      await this.git(ctx, ['commit-graph', 'write', '--reachable', '--changed-paths'], { ...options, cwd: repo.path, timeoutMs });
      await this.git(ctx, ['pack-refs', '--all'], { ...options, cwd: repo.path, timeoutMs });
    } else {
      await (repo as HgRepository).hg(['debugupdatecaches'], { ...options, timeoutMs });
    }
  }

  /** Bytes used on disk by a repository (for the "repo size" button). */
  async diskUsage(name: string): Promise<number> {
    let total = 0;
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile()) total += (await stat(p)).size;
      }
    };
    const path = this.pathOf(name);
    if (!(await detectDirectory(path))) throw notFound(`Repository ${printable(name)} not found`);
    await walk(path);
    return total;
  }

  // --- serving ------------------------------------------------------------------------------

  /** Starts `git http-backend` for one smart-HTTP request (the gateway pipes the body in and the response out). */
  async gitHttpBackend(request: GitHttpRequest): Promise<GitHttpBackendProcess> {
    if ((await this.detectType(request.repoName)) !== 'git') throw notFound(`Git repository ${printable(request.repoName)} not found`);
    const ctx = await this.ready();
    return startGitHttpBackend(ctx.tools, this.reposRoot, request, ctx.longTimeoutMs, ctx.log);
  }

  /** Starts `git-upload-pack` / `git-receive-pack` for an SSH session. */
  async gitSsh(name: string, service: GitSshService, options: { gitProtocol?: string; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<VcsChildProcess> {
    if ((await this.detectType(name)) !== 'git') throw notFound(`Git repository ${printable(name)} not found`);
    const ctx = await this.ready();
    return startGitSsh(ctx.tools, this.pathOf(name), service, { ...options, timeoutMs: options.timeoutMs ?? ctx.longTimeoutMs, label: name, logger: ctx.log });
  }

  /**
   * Starts `hg -R REPO serve --stdio` for an SSH session. Configuration comes through HGRCPATH (hg
   * refuses extra arguments to `serve --stdio`); `readOnly` adds hooks that refuse every write.
   */
  async hgSsh(name: string, options: { readOnly: boolean; timeoutMs?: number; signal?: AbortSignal }): Promise<VcsChildProcess> {
    if ((await this.detectType(name)) !== 'hg') throw notFound(`Mercurial repository ${printable(name)} not found`);
    const ctx = await this.ready();
    const env = { ...ctx.tools.hgEnv };
    if (options.readOnly) env['HGRCPATH'] = `${env['HGRCPATH']}:${ctx.tools.hgReadOnlyRc}`;
    const path = this.pathOf(name);
    return startProcess(ctx.tools.hgBinary, ['-R', path, 'serve', '--stdio'], {
      env,
      cwd: path,
      timeoutMs: options.timeoutMs ?? ctx.longTimeoutMs,
      signal: options.signal,
      label: name,
      logger: ctx.log,
    });
  }

  /** The supervised pool of Mercurial HTTP workers (started on first use). */
  async hgHttpWorkers(): Promise<HgHttpWorkerPool> {
    const ctx = await this.ready();
    this.workers ??= new HgHttpWorkerPool(ctx.tools, this.reposRoot, this.options.hgHttpWorkers, ctx.log);
    return this.workers;
  }

  /**
   * Runs a git repository's `hooks/post-receive-custom` (Kallithea's convention for site hooks)
   * after Grove's own bookkeeping, with post-receive's input (`old new ref` per line). Returns null
   * when the repository has no such executable hook; a failing hook is reported, never thrown.
   */
  async runGitCustomHook(name: string, refs: RefChange[], options: CallOptions = {}): Promise<{ exitCode: number | null; output: string } | null> {
    if ((await this.detectType(name)) !== 'git') return null;
    const path = this.pathOf(name);
    const hook = join(path, 'hooks', 'post-receive-custom');
    try {
      await access(hook, fsConstants.X_OK);
    } catch {
      return null;
    }
    const ctx = await this.ready();
    const zero = '0'.repeat(40);
    const fullName = (r: RefChange) => (r.kind === 'branch' ? `refs/heads/${r.name}` : r.kind === 'tag' ? `refs/tags/${r.name}` : r.name);
    const input = refs.map((r) => `${r.oldId ?? zero} ${r.newId ?? zero} ${fullName(r)}\n`).join('');
    const result = await runProcess(hook, [], {
      ...options,
      input,
      cwd: path,
      env: { ...ctx.tools.gitEnv, GIT_DIR: path },
      timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
      okExitCodes: Array.from({ length: 256 }, (_, i) => i),
      maxOutputBytes: 64 * 1024,
      label: `${name} post-receive-custom`,
      logger: ctx.log,
    }).catch((err: unknown) => ({ exitCode: null, stdout: Buffer.alloc(0), stderr: err instanceof Error ? err.message : String(err), truncated: false }));
    return { exitCode: result.exitCode, output: (result.stdout.toString('utf8') + result.stderr).slice(0, 4000) };
  }

  /**
   * Runs an administrator-configured hook command (the `ui` table's custom hooks) as
   * `/bin/sh -c command` in the repository's directory. `command` must come from a super-admin's
   * settings, never from user data: per-push facts travel only in `vars`, and only `HG_*` /
   * `GROVE_*` names are accepted there so that PATH, HOME or the hg/git settings stay fixed.
   * A failing or timed-out hook is reported in the result, never thrown.
   */
  async runAdminHook(
    name: string,
    command: string,
    vars: Record<string, string>,
    options: CallOptions = {},
  ): Promise<{ exitCode: number | null; output: string; timedOut: boolean }> {
    const type = await this.detectType(name);
    if (!type) throw notFound(`Repository ${printable(name)} not found`);
    const ctx = await this.ready();
    const path = this.pathOf(name);
    const env: Record<string, string> = type === 'git' ? { ...ctx.tools.gitEnv, GIT_DIR: path } : { ...ctx.tools.hgEnv };
    for (const [key, value] of Object.entries(vars)) {
      if (!/^(HG|GROVE)_[A-Z0-9_]+$/.test(key)) throw invalidArgument(`Hook variable ${printable(key)} is not allowed`);
      env[key] = value.replace(/\0/g, '');
    }
    let timedOut = false;
    const result = await runProcess('/bin/sh', ['-c', command], {
      ...options,
      input: '',
      cwd: path,
      env,
      timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
      okExitCodes: Array.from({ length: 256 }, (_, i) => i),
      maxOutputBytes: 64 * 1024,
      label: `${name} admin hook`,
      logger: ctx.log,
    }).catch((err: unknown) => {
      timedOut = err instanceof VcsError && err.code === 'Timeout';
      return { exitCode: null, stdout: Buffer.alloc(0), stderr: err instanceof Error ? err.message : String(err), truncated: false };
    });
    return { exitCode: result.exitCode, output: (result.stdout.toString('utf8') + result.stderr).slice(0, 4000), timedOut };
  }

  // --- push bookkeeping ---------------------------------------------------------------------

  /**
   * A cheap picture of a repository to compare before and after a push: git refs (one
   * `for-each-ref`), or for hg the changelog length, bookmarks and phase roots read from files
   * without starting hg.
   */
  async pushSnapshot(name: string, options: CallOptions = {}): Promise<PushSnapshot> {
    const type = await this.detectType(name);
    if (!type) throw notFound(`Repository ${printable(name)} not found`);
    const path = this.pathOf(name);
    if (type === 'git') {
      const ctx = await this.ready();
      const { stdout } = await this.git(ctx, ['for-each-ref', '--format=%(objectname) %(refname)'], { ...options, cwd: path });
      const refs: Record<string, string> = {};
      for (const line of stdout.toString('utf8').split('\n')) {
        const sp = line.indexOf(' ');
        if (sp > 0) refs[line.slice(sp + 1)] = line.slice(0, sp);
      }
      return { type, refs };
    }
    let changelogLength = await readChangelogLength(path);
    if (changelogLength === null) {
      const repo = (await this.open(name)) as HgRepository;
      const { stdout } = await repo.hg(['log', '-r', 'tip', '--hidden', '-T', '{rev}'], options);
      changelogLength = Number(stdout.toString('latin1')) + 1;
    }
    return { type, changelogLength, bookmarks: await readBookmarks(path), phaseRoots: await readPhaseRoots(path) };
  }

  /** What changed between two snapshots (the second one is taken now when omitted). */
  async pushChanges(name: string, before: PushSnapshot, after?: PushSnapshot, options: CallOptions = {}): Promise<PushChanges> {
    const now = after ?? (await this.pushSnapshot(name, options));
    const repo = await this.open(name);
    if (before.type === 'git' && now.type === 'git') {
      const refs: RefChange[] = [];
      for (const ref of new Set([...Object.keys(before.refs), ...Object.keys(now.refs)])) {
        const oldId = before.refs[ref] ?? null;
        const newId = now.refs[ref] ?? null;
        if (oldId === newId) continue;
        const kind = ref.startsWith('refs/heads/') ? 'branch' : ref.startsWith('refs/tags/') ? 'tag' : 'other';
        refs.push({ name: kind === 'branch' ? ref.slice(11) : kind === 'tag' ? ref.slice(10) : ref, kind, oldId, newId });
      }
      const added = [...new Set(refs.map((r) => r.newId).filter((x): x is string => !!x))];
      let changesets: Changeset[] = [];
      if (added.length > 0) {
        const git = repo as GitRepository;
        const old = [...new Set(Object.values(before.refs))];
        const { stdout } = await git.run(['rev-list', '--reverse', '--topo-order', '--stdin'], {
          ...options,
          input: [...added, ...old.map((o) => `^${o}`)].join('\n') + '\n',
          classifyError: classifyGitError,
        });
        const oids = stdout.toString('latin1').split('\n').filter(Boolean);
        changesets = await git.getChangesets(oids.filter((o) => /^[0-9a-f]{40}$/.test(o)), { ...options, withFiles: true });
      }
      return { changesets, refs, phases: [] };
    }
    if (before.type === 'hg' && now.type === 'hg') {
      const hg = repo as HgRepository;
      const changesets =
        now.changelogLength > before.changelogLength
          ? await hg.listChangesets({ ...options, minRevision: before.changelogLength, maxRevision: now.changelogLength - 1, reverse: true, limit: 1_000_000, withFiles: true })
          : [];
      const refs: RefChange[] = [];
      for (const b of new Set([...Object.keys(before.bookmarks), ...Object.keys(now.bookmarks)])) {
        const oldId = before.bookmarks[b] ?? null;
        const newId = now.bookmarks[b] ?? null;
        if (oldId !== newId) refs.push({ name: b, kind: 'bookmark', oldId, newId });
      }
      const phases: PushChanges['phases'] = [];
      const rootsChanged =
        before.phaseRoots.draft.join() !== now.phaseRoots.draft.join() || before.phaseRoots.secret.join() !== now.phaseRoots.secret.join();
      if (rootsChanged && before.changelogLength > 0) {
        const old = `0:${before.changelogLength - 1}`;
        const nodes = (list: string[]) => list.map(revsetString).join(' + ');
        const query = async (revset: string): Promise<Array<[string, Phase]>> => {
          const { stdout } = await hg.hg(['log', '--hidden', '-r', revset, '-T', '{node} {phase}\\n'], options);
          return stdout
            .toString('latin1')
            .split('\n')
            .filter(Boolean)
            .map((l) => l.split(' ') as [string, Phase]);
        };
        const wasSecret = before.phaseRoots.secret.length ? await query(`descendants(${nodes(before.phaseRoots.secret)}) and ${old}`) : [];
        const secretSet = new Set(wasSecret.map(([n]) => n));
        const wasDraft = before.phaseRoots.draft.length
          ? (await query(`descendants(${nodes(before.phaseRoots.draft)}) and ${old}`)).filter(([n]) => !secretSet.has(n))
          : [];
        for (const [rawId, phase] of wasSecret) if (phase !== 'secret') phases.push({ rawId, from: 'secret', to: phase });
        for (const [rawId, phase] of wasDraft) if (phase !== 'draft') phases.push({ rawId, from: 'draft', to: phase });
      }
      return { changesets, refs, phases };
    }
    throw invalidArgument('Snapshots of different repository types');
  }

  // --- housekeeping -------------------------------------------------------------------------

  /** The git and hg binaries in use: absolute path (when found on PATH) and version, '' when unknown. */
  async toolVersions(options: CallOptions = {}): Promise<{ git: ToolVersion; hg: ToolVersion }> {
    const ctx = await this.ready();
    const [git, hg] = await Promise.all([
      this.git(ctx, ['--version'], { ...options, cwd: this.reposRoot }).then(
        (r) => /(\d+(?:\.\d+)+\S*)/.exec(r.stdout.toString('utf8'))?.[1] ?? '',
        () => '',
      ),
      this.hgSpawn(ctx, ['--version', '--quiet'], { ...options, cwd: this.reposRoot }).then(
        (r) => /\(version ([^)]+)\)/.exec(r.stdout.toString('utf8'))?.[1] ?? '',
        () => '',
      ),
    ]);
    return {
      git: { path: await executablePath(ctx.tools.gitBinary), version: git },
      hg: { path: await executablePath(ctx.tools.hgBinary), version: hg },
    };
  }

  /** The git/hg processes running right now (for an admin page). */
  runningProcesses(): RunningProcessInfo[] {
    return listRunningProcesses();
  }

  /** Command-server pool numbers (for monitoring). */
  async hgPoolStats(): Promise<HgPoolStats> {
    return (await this.ready()).hgPool.stats();
  }

  /** Number of repositories with a running `git cat-file` process. */
  async catFileProcesses(): Promise<number> {
    return (await this.ready()).catFiles.size;
  }

  /** Stops cat-file processes, command servers and HTTP workers, and removes the private state directory. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const ctx = this.context ? await this.context.catch(() => undefined) : undefined;
    await this.workers?.close();
    if (ctx) {
      ctx.catFiles.close();
      await ctx.hgPool.close();
      await disposeToolEnvironment(ctx.tools);
    }
    this.repos.clear();
  }

  /** Alias of {@link close}, for Nest's `onApplicationShutdown` wiring. */
  shutdown(): Promise<void> {
    return this.close();
  }

  private git(ctx: BackendContext, args: string[], options: CallOptions & { cwd: string; env?: Record<string, string> }) {
    return runProcess(ctx.tools.gitBinary, args, {
      env: { ...ctx.tools.gitEnv, ...(options.env ?? {}) },
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
      signal: options.signal,
      classifyError: classifyGitError,
      logger: ctx.log,
    });
  }

  private hgSpawn(ctx: BackendContext, args: string[], options: CallOptions & { cwd: string }) {
    return runProcess(ctx.tools.hgBinary, args, {
      env: ctx.tools.hgEnv,
      cwd: options.cwd,
      timeoutMs: options.timeoutMs ?? ctx.timeoutMs,
      signal: options.signal,
      classifyError: classifyHgError,
      logger: ctx.log,
    });
  }
}

/** A tool binary as {@link VcsService.toolVersions} reports it. */
export interface ToolVersion {
  path: string;
  version: string;
}

/** The absolute path of a binary name as PATH resolves it (the name itself when not found). */
async function executablePath(binary: string): Promise<string> {
  if (binary.includes('/')) return resolve(binary);
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    if (await access(candidate, fsConstants.X_OK).then(() => true, () => false)) return candidate;
  }
  return binary;
}

/** `hg` for a directory with `.hg`, `git` for a bare repository (HEAD, objects/, refs/) or one with `.git`. */
export async function detectDirectory(path: string): Promise<RepoType | null> {
  const isDir = async (p: string) => (await stat(p).catch(() => null))?.isDirectory() ?? false;
  const isFile = async (p: string) => (await stat(p).catch(() => null))?.isFile() ?? false;
  if (await isDir(join(path, '.hg'))) return 'hg';
  if ((await isFile(join(path, 'HEAD'))) && (await isDir(join(path, 'objects'))) && (await isDir(join(path, 'refs')))) return 'git';
  if (await isDir(join(path, '.git'))) return 'git';
  return null;
}

/** `YYYYMMDD_HHMMSS_ffffff` in server local time, as in Kallithea's `rm__` names. */
export function deletionStamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}_${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}_${p(at.getMilliseconds() * 1000, 6)}`;
}

/** The Mercurial extension shipped with this package: `python/grove_hg.py` next to `src/` or `dist/`. */
export function hgExtensionPath(): string {
  return join(__dirname, 'python', 'grove_hg.py');
}
