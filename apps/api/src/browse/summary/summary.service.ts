import { Injectable } from '@nestjs/common';
import { readmeCandidates, readmeRenderer, renderCloneUrl, sshHostname, type MarkupContextResponse, type SummaryResponse } from '@grove/shared';
import { isVcsError, type VcsRepository } from '@grove/vcs';
import type { Actor } from '../../common/actor';
import { ReposService } from '../../repos/repos.service';
import { SettingsService } from '../../settings/settings.service';
import { ChangesetPresenter } from '../changeset-presenter.service';
import { CUT_OFF_LIMIT } from '../diff-view';
import { extensionOf } from '../files/mimetypes';
import type { RepoContext } from '../repo-context.service';
import { decodeText } from '../text';

/** web-ui.md §3.1's order, shared with the SPA */
const README_CANDIDATES = readmeCandidates();

/** Where the request came from, for clone URLs. */
export interface RequestOrigin {
  scheme: string;
  /** host[:port] */
  host: string;
}

/** The summary page (§2.2): repository facts, refs, latest changes, README, trending types, downloads, clone URLs. */
@Injectable()
export class SummaryService {
  /** trending file types per (repository, tip): a walk of the whole tree is not free */
  private readonly trendingCache = new Map<string, Array<{ extension: string; count: number; percent: number }>>();

  constructor(
    private readonly repos: ReposService,
    private readonly settings: SettingsService,
    private readonly presenter: ChangesetPresenter,
  ) {}

  async summary(actor: Actor, ctx: RepoContext, origin: RequestOrigin, query: { page: number; size: number }): Promise<SummaryResponse> {
    const { vcs, repo } = ctx;
    const [repository, refs, empty] = await Promise.all([this.repos.toDetail(repo, ctx.permission, actor.user), vcs.refs(), vcs.isEmpty()]);
    const landingId = empty ? null : await vcs.landingRevision(repo.landingRevision);
    const [changesets, total] = empty ? [[], 0] : await Promise.all([vcs.listChangesets({ start: (query.page - 1) * query.size, limit: query.size }), vcs.countChangesets()]);
    const clone = await this.settings.cloneSettings();
    const host = origin.host.replace(/:\d+$/, '');
    const tokens = {
      scheme: origin.scheme,
      user: actor.user.isDefaultUser ? '' : actor.user.username,
      netloc: origin.host,
      prefix: '',
      repo: repo.name,
      repoid: repo.id,
      system_user: clone.systemUser,
      hostname: clone.sshPort === null ? host : sshHostname(host, clone.sshPort),
    };
    return {
      repository,
      empty,
      landingId,
      refs,
      latest: { items: await this.presenter.many(changesets), total, page: query.page, size: query.size },
      readme: landingId ? await this.readme(vcs, landingId) : null,
      trending: { enabled: repo.enableStatistics, items: repo.enableStatistics && refs.tip ? await this.trending(repo.id, vcs, refs.tip) : [] },
      downloads: { enabled: repo.enableDownloads, formats: ['zip', 'tar.gz', 'tar.bz2'] },
      clone: {
        http: renderCloneUrl(clone.uriTemplate, tokens),
        httpById: renderCloneUrl(clone.uriTemplate, { ...tokens, repo: `_${repo.id}` }),
        // web-ui.md §2.2: SSH only when it is on and someone is signed in (keys belong to users)
        ssh: clone.sshTemplate && tokens.user ? renderCloneUrl(clone.sshTemplate, tokens) : null,
      },
    };
  }

  /** The first README candidate that exists as a file at the landing revision (§3.1). */
  private async readme(vcs: VcsRepository, rev: string): Promise<SummaryResponse['readme']> {
    const dirs = new Map<string, Set<string>>();
    const filesIn = async (dir: string): Promise<Set<string>> => {
      let names = dirs.get(dir);
      if (!names) {
        try {
          const listing = await vcs.listDirectory(rev, dir);
          names = new Set(listing.entries.filter((e) => e.kind === 'file').map((e) => e.name));
        } catch (error) {
          if (!isVcsError(error, 'NotFound') && !isVcsError(error, 'InvalidPath')) throw error;
          names = new Set();
        }
        dirs.set(dir, names);
      }
      return names;
    };
    for (const candidate of README_CANDIDATES) {
      const slash = candidate.lastIndexOf('/');
      const dir = slash < 0 ? '' : candidate.slice(0, slash);
      if (!(await filesIn(dir)).has(candidate.slice(slash + 1))) continue;
      const file = await vcs.readFile(rev, candidate, { maxBytes: CUT_OFF_LIMIT });
      if (file.binary) continue;
      return { path: candidate, markup: readmeRenderer(candidate), content: decodeText(file.content), truncated: file.truncated };
    }
    return null;
  }

  /** Top 10 file extensions by number of files at the tip. */
  private async trending(repoId: number, vcs: VcsRepository, tip: string) {
    const key = `${repoId}:${tip}`;
    const cached = this.trendingCache.get(key);
    if (cached) return cached;
    const walk = await vcs.walk(tip);
    const counts = new Map<string, number>();
    for (const f of walk.files) {
      const ext = extensionOf(f);
      counts.set(ext, (counts.get(ext) ?? 0) + 1);
    }
    const total = walk.files.length || 1;
    const items = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([extension, count]) => ({ extension, count, percent: Math.round((count * 1000) / total) / 10 }));
    if (this.trendingCache.size > 500) this.trendingCache.clear();
    this.trendingCache.set(key, items);
    return items;
  }

  /** Issue-tracker families (§3.3) with `{repo}`/`{repo_name}` expanded, and the stylify switch. */
  async markupContext(ctx: RepoContext): Promise<MarkupContextResponse> {
    const all = await this.settings.getAll();
    const repoName = ctx.repo.name;
    const issueTrackers: MarkupContextResponse['issueTrackers'] = [];
    for (const key of [...all.keys()].filter((k) => k.startsWith('issue_pat')).sort()) {
      const suffix = key.slice('issue_pat'.length);
      const pattern = all.get(key)?.value ?? '';
      const link = all.get(`issue_server_link${suffix}`)?.value;
      const sub = all.get(`issue_sub${suffix}`)?.value;
      if (!pattern || !link || sub === undefined) continue;
      issueTrackers.push({ suffix, pattern, link: link.replace(/\{repo\}/g, repoName).replace(/\{repo_name\}/g, repoName.slice(repoName.lastIndexOf('/') + 1)), sub });
    }
    const stylify = ['t', 'true', 'y', 'yes', 'on', '1'].includes((all.get('stylify_metalabels')?.value ?? '').toLowerCase());
    return { issueTrackers, stylify, repoName };
  }
}
