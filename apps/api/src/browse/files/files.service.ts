import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { isVcsError, parseDiff, type Changeset, type FileStream, type RepoRefs, type VcsRepository } from '@grove/vcs';
import type { AnnotateResponse, FileCompareResponse, FileHistoryResponse, FilesResponse, NodeListResponse } from '@grove/shared';
import { hasLevel } from '@grove/shared';
import { decodeText } from '../text';
import { notFound } from '../../common/errors/domain-error';
import { ChangesetPresenter } from '../changeset-presenter.service';
import { CUT_OFF_LIMIT, toDiffFileDto, type DiffFlags } from '../diff-view';
import type { RepoContext } from '../repo-context.service';
import { guessMimetype, isImage, rawDelivery } from './mimetypes';

/** Directory listings kept with their last changesets; every push changes the refs and so the key. */
const LISTING_CACHE_ENTRIES = 256;

/** Files pages: directory listings, file views, raw bytes, annotate, history, file diffs. */
@Injectable()
export class FilesService {
  /**
   * Last changeset per entry is the costly part of a listing (a history walk); for one changeset
   * and one refs state it cannot change, so keep recent results (LRU).
   */
  private readonly lastChangesetsCache = new Map<string, Promise<Record<string, Changeset>>>();

  constructor(private readonly presenter: ChangesetPresenter) {}

  private lastChangesets(ctx: RepoContext, refs: RepoRefs, rawId: string, path: string): Promise<Record<string, Changeset>> {
    const fingerprint = createHash('sha1').update(JSON.stringify(refs)).digest('hex');
    const key = `${ctx.repo.id}\0${ctx.vcs.path}\0${rawId}\0${path}\0${fingerprint}`;
    let found = this.lastChangesetsCache.get(key);
    if (found) {
      this.lastChangesetsCache.delete(key);
      this.lastChangesetsCache.set(key, found);
      return found;
    }
    found = ctx.vcs.lastChangesets(rawId, path);
    found.catch(() => this.lastChangesetsCache.delete(key));
    if (this.lastChangesetsCache.size >= LISTING_CACHE_ENTRIES) this.lastChangesetsCache.delete(this.lastChangesetsCache.keys().next().value!);
    this.lastChangesetsCache.set(key, found);
    return found;
  }

  async files(ctx: RepoContext, query: { rev?: string; path?: string; full?: boolean; lastChangesets?: boolean }): Promise<FilesResponse> {
    const { vcs } = ctx;
    const rev = query.rev ?? 'tip';
    const path = query.path ?? '';
    await requireNotEmpty(vcs);
    const changeset = await vcs.getChangeset(rev);
    const listDirectory = vcs.listDirectory(changeset.rawId, path).catch((error: unknown) => {
      if (isVcsError(error, 'InvalidPath')) return null; // a file: shown below
      throw error;
    });
    const refs = await vcs.refs();
    const [editability, listing] = await Promise.all([this.editability(ctx, rev, changeset.rawId, changeset.branchHeads, refs), listDirectory]);
    if (listing) {
      const last = query.lastChangesets === false ? {} : await this.lastChangesets(ctx, refs, changeset.rawId, path);
      // record() keys by raw id; map entry names to their changeset again
      const [csDto, lastDtos] = await Promise.all([this.presenter.one(changeset), this.presenter.record(last)]);
      const byName = Object.fromEntries(Object.entries(last).map(([name, c]) => [name, lastDtos[c.rawId] ?? null]));
      return {
        kind: 'dir',
        changeset: csDto,
        path,
        entries: listing.entries.map((e) => ({ ...e, lastChangeset: byName[e.name] ?? null })),
        editability,
      };
    }
    const [file, [last]] = await Promise.all([
      vcs.readFile(changeset.rawId, path, { maxBytes: query.full ? undefined : CUT_OFF_LIMIT }),
      vcs.listChangesets({ revision: changeset.rawId, path, limit: 1 }),
    ]);
    const mimetype = guessMimetype(path, file.binary);
    const tooBig = !file.binary && !query.full && file.size >= CUT_OFF_LIMIT;
    const [csDto, lastDto] = await this.presenter.many(last ? [changeset, last] : [changeset]);
    return {
      kind: 'file',
      changeset: csDto!,
      path,
      size: file.size,
      mode: file.mode,
      fileKind: file.kind,
      mimetype,
      binary: file.binary,
      image: isImage(mimetype),
      tooBig,
      content: file.binary || tooBig ? null : decodeText(file.content),
      lastChangeset: lastDto ?? null,
      editability,
    };
  }

  /** Where the viewer could commit from this page (§2.4): a branch name, or the hash of a branch head. */
  async editability(ctx: RepoContext, rev: string, rawId: string, branchHeads: string[], refs: RepoRefs): Promise<{ canWrite: boolean; branch: string | null; headId: string | null }> {
    const canWrite = hasLevel(ctx.permission, 'write');
    const named = refs.branches.find((b) => b.name === rev);
    if (named) return { canWrite, branch: named.name, headId: named.rawId };
    const head = branchHeads[0];
    if (head !== undefined) {
      const ref = refs.branches.find((b) => b.name === head && b.rawId === rawId);
      if (ref) return { canWrite, branch: ref.name, headId: ref.rawId };
    }
    return { canWrite, branch: null, headId: null };
  }

  async raw(ctx: RepoContext, rev: string | undefined, path: string, download: boolean): Promise<{ stream: FileStream; contentType: string; attachment: boolean }> {
    const { vcs } = ctx;
    await requireNotEmpty(vcs);
    // binary detection needs the first bytes; read a small prefix, then stream the whole file
    const head = await vcs.readFile(rev ?? 'tip', path, { maxBytes: 8000 });
    const delivery = rawDelivery(path, head.binary, download);
    const stream = await vcs.readFileStream(head.rawId, path);
    return { stream, ...delivery };
  }

  async annotate(ctx: RepoContext, rev: string | undefined, path: string, full: boolean): Promise<AnnotateResponse> {
    const { vcs } = ctx;
    await requireNotEmpty(vcs);
    const changeset = await vcs.getChangeset(rev ?? 'tip');
    const file = await vcs.readFile(changeset.rawId, path, { maxBytes: 8000 });
    const tooBig = !full && file.size >= CUT_OFF_LIMIT;
    const csDto = await this.presenter.one(changeset);
    if (file.binary || tooBig) return { changeset: csDto, path, binary: file.binary, tooBig, lines: [], changesets: {} };
    const annotation = await vcs.annotate(changeset.rawId, path);
    return { changeset: csDto, path, binary: false, tooBig: false, lines: annotation.lines, changesets: await this.presenter.record(annotation.changesets) };
  }

  async history(ctx: RepoContext, rev: string | undefined, path: string): Promise<FileHistoryResponse> {
    const { vcs } = ctx;
    await requireNotEmpty(vcs);
    const changeset = await vcs.getChangeset(rev ?? 'tip');
    const [list, refs] = await Promise.all([vcs.listChangesets({ revision: changeset.rawId, path, limit: 10_000 }), vcs.refs()]);
    if (!list.length) throw notFound(`No history for ${path} at ${changeset.shortId}`);
    const dtos = await this.presenter.many(list);
    const authors = new Map<string, FileHistoryResponse['authors'][number]>();
    for (const c of dtos) {
      if (!authors.has(c.author)) authors.set(c.author, { author: c.author, name: c.authorName, email: c.authorEmail, username: c.authorUsername });
    }
    return { changesets: dtos, branches: refs.branches, tags: refs.tags, authors: [...authors.values()] };
  }

  async nodeList(ctx: RepoContext, rev: string | undefined, path: string): Promise<NodeListResponse> {
    await requireNotEmpty(ctx.vcs);
    const walk = await ctx.vcs.walk(rev ?? 'tip', path);
    return { nodes: [...walk.dirs.filter((d) => d !== '' && d !== path).map((name) => ({ name, type: 'dir' as const })), ...walk.files.map((name) => ({ name, type: 'file' as const }))] };
  }

  /**
   * One file between two revisions (§2.4 single-file diff): a missing or empty revision, or the
   * file absent on a side, is an empty file.
   */
  async compareFile(ctx: RepoContext, path: string, diff1: string | undefined, diff2: string | undefined, flags: DiffFlags): Promise<FileCompareResponse & { raw: Buffer }> {
    const { vcs } = ctx;
    const side = async (rev: string | undefined) => (rev && !/^0+$/.test(rev) ? vcs.resolveRevision(rev) : null);
    const [from, to] = await Promise.all([side(diff1), side(diff2)]);
    const sizes = await Promise.all([from, to].map((r) => (r ? fileSize(vcs, r, path) : Promise.resolve(null))));
    const tooBig = !flags.fulldiff && sizes.some((s) => s !== null && s.size >= CUT_OFF_LIMIT);
    const binary = sizes.some((s) => s?.binary ?? false);
    if (tooBig || (!from && !to)) return { diff1: from, diff2: to, file: null, tooBig, binary, raw: Buffer.alloc(0) };
    const options = { ignoreWhitespace: flags.ignorews, context: flags.context, paths: [path] };
    const raw = to ? await vcs.diff(from, to, options) : await reverseDiff(vcs, from!, options);
    const parsed = parseDiff(raw.raw);
    const file = parsed.files[0];
    return { diff1: from, diff2: to, file: file ? toDiffFileDto(file, to ?? from!) : null, tooBig: false, binary, raw: raw.raw };
  }
}

async function requireNotEmpty(vcs: VcsRepository): Promise<void> {
  if (await vcs.isEmpty()) throw notFound('Empty repository');
}

async function fileSize(vcs: VcsRepository, rev: string, path: string): Promise<{ size: number; binary: boolean } | null> {
  try {
    const f = await vcs.readFile(rev, path, { maxBytes: 8000 });
    return { size: f.size, binary: f.binary };
  } catch (error) {
    if (isVcsError(error, 'NotFound') || isVcsError(error, 'InvalidPath')) return null;
    throw error;
  }
}

/** Diff from a revision to "nothing" (diff2 empty): the file removed. */
async function reverseDiff(vcs: VcsRepository, from: string, options: { ignoreWhitespace?: boolean; context?: number; paths: string[] }) {
  // libs/vcs diffs from the empty tree only on the left side; swap the sides and flip the markers.
  const forward = await vcs.diff(null, from, options);
  const text = forward.raw
    .toString('utf8')
    .split('\n')
    .map((line) => {
      if (line.startsWith('new file mode')) return line.replace('new file mode', 'deleted file mode');
      if (line.startsWith('--- /dev/null')) return '--- a/' + options.paths[0];
      if (line.startsWith('+++ b/')) return '+++ /dev/null';
      if (line.startsWith('@@')) return line.replace(/^@@ -(\d+(?:,\d+)?) \+(\d+(?:,\d+)?) @@/, '@@ -$2 +$1 @@');
      if (line.startsWith('+')) return '-' + line.slice(1);
      return line;
    })
    .join('\n');
  return { raw: Buffer.from(text, 'utf8'), truncated: forward.truncated };
}
