import { Injectable } from '@nestjs/common';
import type { CompareResponse } from '@grove/shared';
import type { Actor } from '../../common/actor';
import { badRequest, notFound } from '../../common/errors/domain-error';
import { ChangesetPresenter } from '../changeset-presenter.service';
import { diffReadLimit, toDiffResponse, type DiffFlags } from '../diff-view';
import { RepoContextService, type RepoContext } from '../repo-context.service';

/** Changesets listed by a compare at most (the diff is still complete up to the cut-off). */
const COMPARE_MAX_CHANGESETS = 1000;

/**
 * Compare (§2.5): without `merge`, the plain diff between two revisions of one repository; with
 * `merge`, the changesets of head not in base and the diff from their single common ancestor,
 * possibly across forks (`otherRepo` holds head).
 */
@Injectable()
export class CompareService {
  constructor(
    private readonly context: RepoContextService,
    private readonly presenter: ChangesetPresenter,
  ) {}

  async compare(actor: Actor, ctx: RepoContext, query: DiffFlags & { base: string; head: string; otherRepo?: string; merge?: boolean }): Promise<CompareResponse> {
    const other = query.otherRepo ? await this.context.open(actor, query.otherRepo) : ctx;
    const crossRepo = other.repo.id !== ctx.repo.id;
    if (crossRepo && !query.merge) throw badRequest('Comparing with another repository needs merge=1');
    if (other.repo.type !== ctx.repo.type) throw badRequest(`Cannot compare a ${ctx.repo.type} repository with a ${other.repo.type} repository`);
    const baseId = await ctx.vcs.resolveRevision(query.base);
    const headId = await other.vcs.resolveRevision(query.head);
    const plan = await ctx.vcs.compare(baseId, headId, crossRepo ? { other: other.vcs } : {});
    let from: string = baseId;
    if (query.merge) {
      if (plan.ancestors.length !== 1) {
        throw notFound(plan.ancestors.length ? `Cannot compare: several merge ancestors (${plan.ancestors.map((a) => a.slice(0, 12)).join(', ')})` : 'Cannot compare: no common ancestor');
      }
      if (!plan.changesets.length) throw notFound('No changesets to compare: head is already contained in base');
      from = plan.ancestors[0]!;
    }
    const changesets = plan.changesets.slice(-COMPARE_MAX_CHANGESETS);
    const diffOptions = { ignoreWhitespace: query.ignorews, context: query.context, maxBytes: diffReadLimit(query) };
    const [raw, graph, dtos] = await Promise.all([
      ctx.vcs.diff(from, headId, crossRepo ? { ...diffOptions, other: other.vcs } : diffOptions),
      // graph rows of the head repository, newest first (the reversed list, §3.8)
      other.vcs.graph(changesets.map((c) => c.revision).reverse()),
      this.presenter.many(changesets),
    ]);
    return {
      baseId,
      headId,
      headRepo: { id: other.repo.id, name: other.repo.name },
      ancestors: plan.ancestors,
      changesets: dtos,
      graph,
      diff: toDiffResponse(raw, headId, query),
    };
  }
}
