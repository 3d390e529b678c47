import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  mayCreateRepoGroup,
  mayCreateRepositoryAt,
  decideVcsAfterAuthentication,
  decideVcsBeforeAuthentication,
  nameClashKey,
  sshAccessFor,
  validateRepositoryName,
  type RepositoryPermission,
  type VcsCredentials,
} from '@grove/shared';
import { VcsService } from '@grove/vcs';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import type { Actor } from '../common/actor';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { PermissionsService } from '../permissions/permissions.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { RepoGroupsService } from '../repo-groups/repo-groups.service';
import { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';
import { SettingsService } from '../settings/settings.service';
import { User } from '../users/user.entity';
import type { VcsAction } from './vcs-request';

/** The site setting that turns push-to-create on (off by default). */
export const PUSH_TO_CREATE_SETTING = 'push_to_create';

/** Where the hg discovery of a push-to-create is answered: an empty repository no one can see. */
export const EMPTY_HG_REPO = '.grove-empty-hg';

export type VcsAccess =
  | { ok: true; repo: Repository; user: User; created: boolean }
  /** hg push-to-create: answer this discovery read from an empty repository (see `authorizeHttp`). */
  | { ok: 'empty-hg'; user: User }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409; message: string };

const CREDENTIAL_CACHE_MS = 5 * 60_000;
const CREDENTIAL_CACHE_SIZE = 1000;

/**
 * Who may do what over the VCS protocols (permissions.md §13), for HTTP and SSH alike: finds the
 * repository, authenticates HTTP Basic credentials when anonymous access is not enough, asks the
 * permission service, and creates the repository on a push when push-to-create allows it.
 */
@Injectable()
export class VcsAccessService {
  /** Verified Basic credentials (by digest): bcrypt costs ~100 ms and a push makes several requests. */
  private readonly verified = new Map<string, { userId: number; passwordHash: string; byKey: boolean; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly permissions: PermissionsService,
    private readonly repos: ReposService,
    private readonly groups: RepoGroupsService,
    private readonly settings: SettingsService,
    private readonly vcs: VcsService,
  ) {}

  /** The realm for `WWW-Authenticate`. */
  async realm(): Promise<string> {
    return (await this.settings.getString('realm', 'Grove')).replace(/["\\\r\n]/g, '') || 'Grove';
  }

  /** HTTP: `authorization` is the raw header (undefined when the client sent none). */
  /**
   * HTTP: `authorization` is the raw header (undefined when the client sent none). An hg push
   * reads before it writes, so with push-to-create on, `pushDiscovery` reads (the client has
   * changesets of its own to offer — never a clone) on a missing path the user may create are
   * answered from an empty repository; the `unbundle` then creates the real one.
   */
  async authorizeHttp(input: { vcs: 'git' | 'hg'; repoRef: string; action: VcsAction; authorization: string | undefined; ip: string; pushDiscovery?: boolean }): Promise<VcsAccess> {
    const repo = await this.findServable(input.repoRef, input.vcs);
    const hasCredentials = input.authorization !== undefined && input.authorization !== '';
    if (!repo) {
      // Anonymous probing must not learn which names exist: ask for credentials first.
      if (!hasCredentials) return { ok: false, status: 401, message: 'Authentication required' };
      const user = await this.basicUser(input.authorization!, input.ip);
      if (!user) return { ok: false, status: 401, message: 'Invalid credentials' };
      if (!(await this.ipAllowed(user, input.ip))) return { ok: false, status: 403, message: `Access from your IP address (${input.ip}) is not allowed` };
      if (input.action === 'push') return this.pushToCreate(user, input.ip, input.repoRef, input.vcs);
      if (input.vcs === 'hg' && input.pushDiscovery) return this.emptyHgIfMayCreate(user, input.repoRef);
      return notFound(input.repoRef);
    }
    const anonymous = await this.auth.identifyAnonymous(input.ip);
    const anonymousPermission = anonymous ? await this.permissionOf(anonymous.user, repo) : undefined;
    const before = decideVcsBeforeAuthentication({ repositoryExists: true, action: input.action, anonymousAccessAllowed: anonymous !== null, anonymousPermission });
    if (before.outcome === 'serve') return { ok: true, repo, user: anonymous!.user, created: false };
    if (before.outcome === 'refuse') return { ok: false, status: before.status, message: 'Bad request' };
    let credentials: VcsCredentials = { kind: 'missing' };
    let user: User | null = null;
    if (hasCredentials) {
      user = await this.basicUser(input.authorization!, input.ip);
      credentials = user ? { kind: 'authenticated', ipAllowed: await this.ipAllowed(user, input.ip), permission: await this.permissionOf(user, repo) } : { kind: 'rejected' };
    }
    const decision = decideVcsAfterAuthentication({ action: input.action, credentials });
    if (decision.outcome === 'serve') return { ok: true, repo, user: user!, created: false };
    const ipRefused = credentials.kind === 'authenticated' && !credentials.ipAllowed;
    return { ok: false, status: decision.status, message: refusalMessage(decision.status, repo.name, ipRefused, input.ip) };
  }

  /**
   * SSH: the key already identified `user`. No anonymous access; read-only users may only pull.
   * An hg session (`any`) on a missing path the user may push-create gets `empty-hg`: the session
   * reads the client's commands to tell a push from a pull, then asks again with `push`.
   */
  async authorizeSsh(input: {
    vcs: 'git' | 'hg';
    repoRef: string;
    action: VcsAction | 'any';
    user: User;
    ip: string;
  }): Promise<(Extract<VcsAccess, { ok: true }> & { mayPush?: boolean }) | Exclude<VcsAccess, { ok: true }>> {
    const { user } = input;
    if (!user.active || user.isDefaultUser) return { ok: false, status: 401, message: 'Your account is disabled' };
    if (!(await this.ipAllowed(user, input.ip))) return { ok: false, status: 403, message: `Access from your IP address (${input.ip}) is not allowed` };
    const repo = await this.findServable(input.repoRef, input.vcs);
    if (!repo) {
      if (input.action === 'push') return this.pushToCreate(user, input.ip, input.repoRef, input.vcs);
      if (input.vcs === 'hg' && input.action === 'any') return this.emptyHgIfMayCreate(user, input.repoRef);
      return notFound(input.repoRef);
    }
    const access = sshAccessFor(await this.permissionOf(user, repo));
    if (access === 'denied') return { ok: false, status: 404, message: `Access to '${repo.name}' denied` };
    if (input.action === 'push' && access !== 'push') return { ok: false, status: 403, message: `You may not push to '${repo.name}' (read-only access)` };
    return { ok: true, repo, user, created: false, mayPush: access === 'push' };
  }

  /** The user behind a Basic header, or null (malformed, wrong, inactive, throttled). */
  async basicUser(header: string, ip: string): Promise<User | null> {
    const m = /^Basic\s+([A-Za-z0-9+/=]{1,4000})\s*$/i.exec(header);
    if (!m) return null;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return null;
    const login = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const digest = createHash('sha256').update(decoded).digest('hex');
    const cached = this.verified.get(digest);
    if (cached && cached.until > Date.now()) {
      // Still this user's? A password change, deactivation or key removal ends the cache entry.
      const user = cached.byKey ? await this.auth.userForApiKey(secret) : await this.dataSource.manager.findOne(User, { where: { id: cached.userId } });
      if (user && user.id === cached.userId && user.active && user.password === cached.passwordHash) return user;
      this.verified.delete(digest);
    }
    let user: User | null;
    try {
      user = await this.auth.verifyBasicCredentials(login, secret, ip);
    } catch (err) {
      if (err instanceof DomainError) return null; // throttled
      throw err;
    }
    if (user) {
      if (this.verified.size >= CREDENTIAL_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      const byKey = (await this.auth.userForApiKey(secret))?.id === user.id;
      this.verified.set(digest, { userId: user.id, passwordHash: user.password, byKey, until: Date.now() + CREDENTIAL_CACHE_MS });
    }
    return user;
  }

  /** A created repository of this VCS that exists on disk, by full name or `_<id>`; else null. */
  private async findServable(ref: string, type: 'git' | 'hg'): Promise<Repository | null> {
    let repo: Repository;
    try {
      repo = await this.repos.find(ref);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
    if (repo.type !== type || repo.state !== 'repo_state_created') return null;
    const onDisk = await this.vcs.detectType(repo.name).catch(() => null);
    return onDisk === type ? repo : null;
  }

  private async permissionOf(user: User, repo: Repository): Promise<RepositoryPermission | undefined> {
    const permissions = await this.permissions.compute(user, { repositories: [repo.id] });
    return permissions.repositories.get(repo.id);
  }

  private async ipAllowed(user: User, ip: string): Promise<boolean> {
    try {
      await this.auth.assertIpAllowed(user, ip);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Forbidden) return false;
      throw err;
    }
  }

  /** `empty-hg` (creating that repository once) when push-to-create could make `ref` for this user. */
  private async emptyHgIfMayCreate(user: User, ref: string): Promise<Extract<VcsAccess, { ok: 'empty-hg' | false }>> {
    if (!(await this.mayPushCreate(user, ref))) return notFound(ref);
    if ((await this.vcs.detectType(EMPTY_HG_REPO)) !== 'hg') await this.vcs.init(EMPTY_HG_REPO, 'hg').catch(() => undefined);
    return { ok: 'empty-hg', user };
  }

  /**
   * Would push-to-create make `ref` for this user? The same rules as `pushToCreate` without
   * creating anything (the services check again when it happens).
   */
  private async mayPushCreate(user: User, ref: string): Promise<boolean> {
    if (!(await this.settings.getBool(PUSH_TO_CREATE_SETTING))) return false;
    const name = ref.replace(/^\/+|\/+$/g, '');
    if (/^_\d+$/.test(name) || !validateRepositoryName(name).valid) return false;
    const m = this.dataSource.manager;
    const segments = name.split('/');
    let deepest: RepoGroup | null = null;
    let missingGroup = false;
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      if (await m.createQueryBuilder(Repository, 'r').where('LOWER(r.name) = :key', { key: nameClashKey(prefix) }).getCount()) return false;
      const group = missingGroup ? null : await m.findOne(RepoGroup, { where: { name: prefix } });
      if (group) deepest = group;
      else missingGroup = true;
    }
    const permissions = await this.permissions.compute(user, { repoGroups: deepest ? [deepest.id] : [] });
    return missingGroup ? mayCreateRepoGroup(permissions, deepest?.id ?? null, 'web') : mayCreateRepositoryAt(permissions, deepest?.id ?? null);
  }

  /**
   * Push-to-create (hgwebinit): creates the missing groups the pusher may create, then the
   * repository (owned by the pusher, journaled by the repository service), with the usual
   * location rules. Never inside an existing repository, never for `_<id>` names.
   */
  private async pushToCreate(user: User, ip: string, ref: string, type: 'git' | 'hg'): Promise<Extract<VcsAccess, { ok: true } | { ok: false }>> {
    if (!(await this.settings.getBool(PUSH_TO_CREATE_SETTING))) return notFound(ref);
    const name = ref.replace(/^\/+|\/+$/g, '');
    if (/^_\d+$/.test(name)) return notFound(ref);
    const valid = validateRepositoryName(name);
    if (!valid.valid) return { ok: false, status: 400, message: `Cannot create repository ${name}: ${valid.message}` };
    const m = this.dataSource.manager;
    const segments = name.split('/');
    for (let i = 1; i < segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const inside = await m.createQueryBuilder(Repository, 'r').where('LOWER(r.name) = :key', { key: nameClashKey(prefix) }).getCount();
      if (inside) return { ok: false, status: 403, message: `Cannot create a repository inside repository ${prefix}` };
    }
    const existing = await m.createQueryBuilder(Repository, 'r').where('LOWER(r.name) = :key', { key: nameClashKey(name) }).getOne();
    if (existing) return notFound(ref); // another VCS or another spelling: not this client's repository
    const actor: Actor = { user, ip };
    try {
      for (let i = 1; i < segments.length; i++) {
        const groupName = segments.slice(0, i).join('/');
        if (!(await m.findOne(RepoGroup, { where: { name: groupName } }))) await this.groups.create(actor, { name: groupName });
      }
      const repo = await this.repos.create(actor, { name, type }, 'web');
      return { ok: true, repo, user, created: true };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === ErrorCode.Forbidden || err.code === ErrorCode.Unauthenticated) return { ok: false, status: 403, message: `You may not create repository ${name}: ${err.message}` };
      if (err.code === ErrorCode.Conflict) {
        const raced = await this.findServable(name, type);
        return raced ? { ok: true, repo: raced, user, created: false } : { ok: false, status: 409, message: `Repository ${name} is being created; try again` };
      }
      return { ok: false, status: 400, message: `Cannot create repository ${name}: ${err.message}` };
    }
  }
}

function notFound(ref: string): Extract<VcsAccess, { ok: false }> {
  return { ok: false, status: 404, message: `Repository ${ref.replace(/^\/+|\/+$/g, '')} not found` };
}

function refusalMessage(status: number, name: string, ipRefused: boolean, ip: string): string {
  if (status === 401) return 'Authentication required';
  if (status === 404) return `Repository ${name} not found`;
  if (ipRefused) return `Access from your IP address (${ip}) is not allowed`;
  return `You may not push to ${name} (read-only access)`;
}
