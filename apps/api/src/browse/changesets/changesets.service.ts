import { Injectable } from '@nestjs/common';
import type { ChangelogResponse, ChangesetRangeResponse, ChangesetResponse, FileDiffResponse } from '@grove/shared';
import type { Changeset, RawDiff, VcsRepository } from '@grove/vcs';
import { badRequest, notFound } from '../../common/errors/domain-error';
import { ChangesetPresenter } from '../changeset-presenter.service';
import { affectedOf, diffReadLimit, toDiffResponse, type DiffFlags } from '../diff-view';
import type { RepoContext } from '../repo-context.service';
import { formatPatch } from './patch';

/** The range page shows at most this many changesets (each with its own diff). */
export const RANGE_MAX = 100;

/** Changelog pages, one changeset with its diff, ranges, raw diffs and patches. */
@Injectable()
export class ChangesetsService {
  constructor(private readonly presenter: ChangesetPresenter) {}

  async changelog(ctx: RepoContext, query: { page: number; size: number; branch?: string; revision?: string; path?: string }): Promise<ChangelogResponse> {
    const { vcs } = ctx;
    if (query.branch) await requireBranch(vcs, query.branch);
    const revision = query.revision ? await vcs.resolveRevision(query.revision) : undefined;
    const page = await vcs.changelogPage({ start: (query.page - 1) * query.size, limit: query.size, branch: query.branch, revision, path: query.path });
    return {
      changesets: await this.presenter.many(page.changesets),
      graph: page.graph,
      total: page.total,
      page: query.page,
      size: query.size,
      revision: revision ?? null,
    };
  }

  async changeset(ctx: RepoContext, rev: string, flags: DiffFlags): Promise<ChangesetResponse> {
    const { vcs } = ctx;
    const changeset = await vcs.getChangeset(rev, { withFiles: true });
    const [related, raw] = await Promise.all([
      vcs.getChangesets([...changeset.parents, ...changeset.children]),
      vcs.changesetDiff(changeset.rawId, { ignoreWhitespace: flags.ignorews, context: flags.context, maxBytes: diffReadLimit(flags) }),
    ]);
    const dtos = await this.presenter.many([changeset, ...related]);
    return {
      changeset: dtos[0]!,
      parents: dtos.slice(1, 1 + changeset.parents.length),
      children: dtos.slice(1 + changeset.parents.length),
      diff: toDiffResponse(raw, changeset.rawId, flags, affectedOf(changeset)),
    };
  }

  /** One file of a changeset's diff, whole (the per-file "full diff"). */
  async fileDiff(ctx: RepoContext, rev: string, path: string, flags: DiffFlags): Promise<FileDiffResponse> {
    const changeset = await ctx.vcs.getChangeset(rev);
    const raw = await ctx.vcs.changesetDiff(changeset.rawId, { ignoreWhitespace: flags.ignorews, context: flags.context, paths: [path] });
    const diff = toDiffResponse(raw, changeset.rawId, { ...flags, fulldiff: true });
    const file = diff.files.find((f) => f.path === path || f.oldPath === path) ?? diff.files[0] ?? null;
    return { file };
  }

  async range(ctx: RepoContext, from: string, to: string, flags: DiffFlags): Promise<ChangesetRangeResponse> {
    const { vcs } = ctx;
    const [first, last] = await vcs.getChangesets([from, to]);
    if (first!.revision > last!.revision) throw badRequest(`Revision ${from} comes after ${to}`);
    const list = await vcs.listChangesets({ minRevision: first!.revision, maxRevision: last!.revision, revision: last!.rawId, reverse: true, limit: RANGE_MAX + 1, withFiles: true });
    if (list.length > RANGE_MAX) throw badRequest(`A range may hold at most ${RANGE_MAX} changesets`);
    const dtos = await this.presenter.many(list);
    const diffs: RawDiff[] = [];
    for (const c of list) {
      diffs.push(await vcs.changesetDiff(c.rawId, { ignoreWhitespace: flags.ignorews, context: flags.context, maxBytes: diffReadLimit(flags) }));
    }
    return { changesets: list.map((c, i) => ({ changeset: dtos[i]!, diff: toDiffResponse(diffs[i]!, c.rawId, flags, affectedOf(c)) })) };
  }

  async rawDiff(ctx: RepoContext, rev: string, flags: DiffFlags): Promise<{ changeset: Changeset; diff: Buffer }> {
    const changeset = await ctx.vcs.getChangeset(rev);
    const raw = await ctx.vcs.changesetDiff(changeset.rawId, { ignoreWhitespace: flags.ignorews, context: flags.context });
    return { changeset, diff: raw.raw };
  }

  async patch(ctx: RepoContext, rev: string): Promise<{ changeset: Changeset; patch: Buffer }> {
    const { changeset, diff } = await this.rawDiff(ctx, rev, {});
    return { changeset, patch: formatPatch(ctx.vcs.type, changeset, diff) };
  }
}

/** An open or closed branch of the repository, else 404. */
export async function requireBranch(vcs: VcsRepository, branch: string): Promise<void> {
  const refs = await vcs.refs();
  if (![...refs.branches, ...refs.closedBranches].some((b) => b.name === branch)) throw notFound(`Unknown branch ${branch}`);
}
