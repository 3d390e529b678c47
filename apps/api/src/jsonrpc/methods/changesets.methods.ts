import { Injectable } from '@nestjs/common';
import { isVcsError, VcsService, type Changeset, type ChangesetQuery, type VcsRepository } from '@grove/vcs';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { JsonRpcError, messages } from '../jsonrpc-errors';
import { defineMethod, type JsonRpcMethod } from '../jsonrpc-method';
import { parseLocalDate, toChangesetDetail, toChangesetSummary } from '../kallithea-shapes';
import { Lookups } from '../lookups';

/** No page limit when `max_revisions` is not given: Kallithea returns every matching changeset. */
const EVERYTHING = 1_000_000_000;

/**
 * §7.7: `get_changesets` and `get_changeset`. Read access is refused explicitly
 * (`Access denied to repo <name>`), not hidden.
 */
@Injectable()
export class ChangesetMethods {
  readonly methods: JsonRpcMethod[];

  constructor(
    private readonly lookups: Lookups,
    private readonly vcs: VcsService,
  ) {
    this.methods = [
      defineMethod({
        name: 'get_changesets',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'start', kind: 'revision', optional: true },
          { name: 'end', kind: 'revision', optional: true },
          { name: 'start_date', kind: 'string', optional: true },
          { name: 'end_date', kind: 'string', optional: true },
          { name: 'branch_name', kind: 'string', optional: true },
          { name: 'reverse', kind: 'bool', optional: true },
          { name: 'with_file_list', kind: 'bool', optional: true },
          { name: 'max_revisions', kind: 'int', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepoReadable(context, repo);
          const vcsRepo = await this.vcs.open(repo.name);
          if (await vcsRepo.isEmpty()) throw new JsonRpcError(messages.repositoryEmpty);
          // Anything else that goes wrong (unknown revision or branch, bad date, start after end) is Kallithea's Internal server error.
          const withFiles = args.with_file_list ?? false;
          const query: ChangesetQuery = {
            minRevision: args.start === undefined ? undefined : await revisionNumber(vcsRepo, args.start),
            maxRevision: args.end === undefined ? undefined : await revisionNumber(vcsRepo, args.end),
            since: args.start_date ? seconds(args.start_date) : undefined,
            until: args.end_date ? seconds(args.end_date) : undefined,
            branch: args.branch_name || undefined,
            withFiles,
          };
          if (query.minRevision !== undefined && query.maxRevision !== undefined && query.minRevision > query.maxRevision) {
            throw new DomainError(ErrorCode.BadRequest, 'start revision is after end revision');
          }
          if (args.branch_name) await vcsRepo.heads(args.branch_name); // an unknown branch is an error, not an empty list
          const oldestFirst = !(args.reverse ?? false);
          let changesets: Changeset[];
          if (args.max_revisions) {
            if (args.max_revisions < 0) throw new DomainError(ErrorCode.BadRequest, 'max_revisions must not be negative');
            // The newest N (Grove's choice for both backends, §7.7), then in the requested order.
            changesets = await vcsRepo.listChangesets({ ...query, reverse: false, limit: args.max_revisions });
            if (oldestFirst) changesets.reverse();
          } else {
            changesets = await vcsRepo.listChangesets({ ...query, reverse: oldestFirst, limit: EVERYTHING });
          }
          return changesets.map((c) => toChangesetSummary(c, withFiles));
        },
      }),
      defineMethod({
        name: 'get_changeset',
        args: [
          { name: 'repoid', kind: 'id' },
          { name: 'raw_id', kind: 'string' },
          { name: 'with_reviews', kind: 'bool', optional: true },
        ],
        access: 'user',
        call: async (context, args) => {
          const repo = await this.lookups.repo(args.repoid);
          await this.lookups.requireRepoReadable(context, repo);
          let changeset: Changeset;
          try {
            changeset = await (await this.vcs.open(repo.name)).getChangeset(args.raw_id, { withFiles: true });
          } catch (error) {
            if (isVcsError(error, 'InvalidRevision') || isVcsError(error, 'NotFound') || isVcsError(error, 'InvalidArgument')) {
              throw new JsonRpcError(messages.changesetNotFound(args.raw_id));
            }
            throw error;
          }
          // Changeset reviews (status votes) do not exist in Grove yet: there are none to list.
          return args.with_reviews ? { ...toChangesetDetail(changeset), reviews: [] } : toChangesetDetail(changeset);
        },
      }),
    ];
  }
}

async function revisionNumber(repo: VcsRepository, revision: number | string): Promise<number> {
  return (await repo.getChangeset(String(revision))).revision;
}

function seconds(text: string): number {
  const date = parseLocalDate(text);
  if (!date) throw new DomainError(ErrorCode.BadRequest, `bad date ${text}`);
  return Math.floor(date.getTime() / 1000);
}
