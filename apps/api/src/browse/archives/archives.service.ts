import { Injectable } from '@nestjs/common';
import { isVcsError, type ArchiveFormat } from '@grove/vcs';
import type { Readable } from 'node:stream';
import type { Actor } from '../../common/actor';
import { JournalService } from '../../journal/journal.service';
import type { RepoContext } from '../repo-context.service';

const FORMATS: Array<{ ext: string; format: ArchiveFormat; type: string }> = [
  { ext: '.tar.gz', format: 'tgz', type: 'application/x-gzip' },
  { ext: '.tar.bz2', format: 'tbz2', type: 'application/x-bzip2' },
  { ext: '.zip', format: 'zip', type: 'application/zip' },
  { ext: '.tar', format: 'tar', type: 'application/x-tar' },
];

/** Why an archive cannot be made, with the spec's message (§2.4) and the REST status for it. */
export interface ArchiveRefusal {
  refused: string;
  status: 400 | 403 | 404;
}

export interface ArchiveDownload {
  name: string;
  contentType: string;
  stream: Readable;
}

/** Archives (§2.4): `<rev><ext>`, any revision, optional subdirectory, streamed, only when downloads are enabled, journaled. */
@Injectable()
export class ArchivesService {
  constructor(private readonly journal: JournalService) {}

  async archive(actor: Actor, ctx: RepoContext, fname: string, subdir?: string): Promise<ArchiveDownload | ArchiveRefusal> {
    const kind = FORMATS.find((f) => fname.endsWith(f.ext));
    if (!kind) return { refused: 'Unknown archive type', status: 400 };
    const rev = fname.slice(0, -kind.ext.length);
    if (!ctx.repo.enableDownloads) return { refused: 'Downloads disabled', status: 403 };
    if (await ctx.vcs.isEmpty()) return { refused: 'Empty repository', status: 404 };
    if (!rev || rev.startsWith('-') || [...rev].some((c) => c.charCodeAt(0) < 32)) return { refused: `Unknown revision ${rev}`, status: 404 };
    let rawId: string;
    try {
      rawId = await ctx.vcs.resolveRevision(rev);
    } catch (error) {
      if (isVcsError(error, 'InvalidRevision') || isVcsError(error, 'NotFound') || isVcsError(error, 'InvalidArgument')) return { refused: `Unknown revision ${rev}`, status: 404 };
      throw error;
    }
    const base = `${ctx.repo.name.replace(/\//g, '_')}-${rawId.slice(0, 12)}`;
    const archive = await ctx.vcs.archive(rawId, { format: kind.format, prefix: base, subdirectory: subdir || undefined });
    const name = `${base}${kind.ext}`;
    await this.journal.record({ user: actor.user, action: 'user_downloaded_archive', parameter: name, repository: ctx.repo, ip: actor.ip });
    return { name, contentType: kind.type, stream: archive.stream };
  }
}
