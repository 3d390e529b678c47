import { Injectable } from '@nestjs/common';
import type { AddFile, CommitResponse, DeleteFile, EditFile } from '@grove/shared';
import { repoFilePathSchema } from '@grove/shared';
import type { CommitAction } from '@grove/vcs';
import type { Actor } from '../../common/actor';
import { badRequest, conflict } from '../../common/errors/domain-error';
import { JournalService } from '../../journal/journal.service';
import { ReposService } from '../../repos/repos.service';
import { ChangesetPresenter } from '../changeset-presenter.service';
import { RepoContextService, type RepoContext } from '../repo-context.service';

/** Where a web commit goes: the branch and its current head (null on an empty repository). */
interface Target {
  branch: string;
  head: string | null;
}

/** Web editing (§2.4): add, edit and delete one file on a branch head through libs/vcs commits. */
@Injectable()
export class EditingService {
  constructor(
    private readonly context: RepoContextService,
    private readonly repos: ReposService,
    private readonly journal: JournalService,
    private readonly presenter: ChangesetPresenter,
  ) {}

  async add(actor: Actor, ref: string, body: AddFile & { location: string }): Promise<CommitResponse> {
    const ctx = await this.context.open(actor, ref, 'write');
    const joined = body.location ? `${body.location}/${body.filename}` : body.filename;
    const parsedPath = repoFilePathSchema.safeParse(joined);
    if (!parsedPath.success) throw badRequest(`Bad file name: ${parsedPath.error.issues[0]?.message ?? joined}`);
    let content: Buffer | string;
    if (body.contentBase64 !== undefined) {
      if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(body.contentBase64)) throw badRequest('contentBase64 is not valid base64');
      content = Buffer.from(body.contentBase64, 'base64');
    } else if (body.content !== undefined && body.content !== '') {
      content = body.content.replace(/\r\n?/g, '\n'); // typed content is normalised to LF
    } else {
      throw badRequest('No content');
    }
    const target = await this.target(ctx, body.rev, body.parentId, true);
    const path = parsedPath.data;
    return this.commit(actor, ctx, target, body.message || `Added file via Grove`, [{ op: 'add', path, content }]);
  }

  async edit(actor: Actor, ref: string, body: EditFile): Promise<CommitResponse> {
    const ctx = await this.context.open(actor, ref, 'write');
    const target = await this.target(ctx, body.rev, body.parentId, false);
    const current = await ctx.vcs.readFile(target.head!, body.path);
    if (current.binary) throw badRequest(`${body.path} is a binary file and cannot be edited`);
    // keep the original file's line-ending style
    const crlf = current.content.includes('\r\n');
    const content = crlf ? body.content.replace(/\r?\n/g, '\r\n') : body.content.replace(/\r\n/g, '\n');
    if (Buffer.from(content, 'utf8').equals(current.content)) throw badRequest('No changes');
    return this.commit(actor, ctx, target, body.message || `Edited file ${body.path} via Grove`, [{ op: 'edit', path: body.path, content, executable: current.mode === '100755' }]);
  }

  async delete(actor: Actor, ref: string, body: DeleteFile): Promise<CommitResponse> {
    const ctx = await this.context.open(actor, ref, 'write');
    const target = await this.target(ctx, body.rev, body.parentId, false);
    await ctx.vcs.readFile(target.head!, body.path, { maxBytes: 1 }); // 404 for a missing file
    return this.commit(actor, ctx, target, body.message || `Deleted file ${body.path} via Grove`, [{ op: 'delete', path: body.path }]);
  }

  /**
   * The branch `rev` names or is the head of; 409 when it is neither or when the head moved past
   * `parentId`. On an empty repository (adding only) `rev` names the branch to create.
   */
  private async target(ctx: RepoContext, rev: string, parentId: string | null | undefined, adding: boolean): Promise<Target> {
    const { vcs } = ctx;
    if (await vcs.isEmpty()) {
      if (!adding) throw conflict('The repository is empty: add a file first');
      if (parentId) throw conflict('The repository is empty: there is no parent changeset');
      const branch = rev === 'tip' ? (vcs.type === 'git' ? 'master' : 'default') : rev;
      return { branch, head: null };
    }
    const refs = await vcs.refs();
    let target: Target | undefined;
    const named = refs.branches.find((b) => b.name === rev);
    if (named) target = { branch: named.name, head: named.rawId };
    else {
      const changeset = await vcs.getChangeset(rev);
      const ref = refs.branches.find((b) => changeset.branchHeads.includes(b.name) && b.rawId === changeset.rawId);
      if (!ref) throw conflict(`Revision ${rev} is not the head of a branch: files can only be changed on a branch head`);
      target = { branch: ref.name, head: ref.rawId };
    }
    if (parentId && parentId !== target.head) throw conflict(`Branch ${target.branch} has moved to ${target.head!.slice(0, 12)} since ${parentId.slice(0, 12)}`);
    return target;
  }

  private async commit(actor: Actor, ctx: RepoContext, target: Target, message: string, actions: CommitAction[]): Promise<CommitResponse> {
    const user = actor.user;
    const name = `${user.firstname} ${user.lastname}`.trim() || user.username;
    const changeset = await ctx.vcs.commit({
      branch: target.branch,
      parentId: target.head,
      author: { name, email: user.email ?? `${user.username}@localhost` },
      message,
      actions,
    });
    await this.journal.record({ user, action: 'push_local', parameter: changeset.rawId, repository: ctx.repo, ip: actor.ip });
    await this.repos.refreshCaches(actor, `_${ctx.repo.id}`);
    return { changeset: await this.presenter.one(changeset), branch: target.branch };
  }
}
