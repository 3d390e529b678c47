import type { ChangesetDto, DiffFile, DiffResponse, FileDiffResponse } from '@grove/shared';
import { useQueries } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../lib/api-client';
import { repoBrowseKeys } from '../../../features/repo-browse/api/browse-keys';
import { Age } from '../../../components/ui/age';
import { RichText } from '../../../components/ui/rich-text';
import type { DiffFileLinks } from '../../../features/diff/components/diff-file-view';
import { DiffStatsBar } from '../../../features/diff/components/diff-stats-bar';
import { ChangesetLabels } from '../../../features/repo-browse/components/changeset-labels';
import { Person } from '../../../features/repo-browse/components/person';
import { useRepoContext, useUrlify } from '../../../features/repo-browse/repo-context';
import { formatExactDate } from '../../../lib/age';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { vcsDate } from '../../../lib/vcs-date';

/** Author, date, labels and the urlified message of a changeset. */
export function ChangesetMeta({ changeset }: { changeset: ChangesetDto }) {
  const t = useT();
  const { base } = useRepoContext();
  const linkify = useUrlify();
  return (
    <div className="changeset-meta">
      <p>
        <Person changeset={changeset} /> {changeset.authorEmail && <span className="email">&lt;{changeset.authorEmail}&gt;</span>} ·{' '}
        <Age date={vcsDate(changeset.date)} /> · <span>{formatExactDate(vcsDate(changeset.date))}</span>
        {changeset.parents.length > 1 && <span className="label merge">{t('changeset.merge')}</span>}{' '}
        <ChangesetLabels changeset={changeset} base={base} />
      </p>
      <RichText as="div" className="message formatted" html={linkify(changeset.message.replace(/\n+$/, ''))} />
    </div>
  );
}

/** "N files changed with X insertions and Y deletions" and the per-file list with op and stats. */
export function FileList({ diff, anchorPrefix = '' }: { diff: DiffResponse; anchorPrefix?: string }) {
  const t = useT();
  const byPath = new Map(diff.files.map((f) => [f.path, f]));
  const manyFiles = diff.affected.length > 60;
  return (
    <div className="file-list">
      <p>
        {diff.truncated
          ? t('changeset.filesChanged', { n: diff.totalFiles })
          : t('changeset.filesChangedStats', { n: diff.stats.files, added: diff.stats.added, deleted: diff.stats.deleted })}
        {manyFiles && <span title={t('changeset.affected', { n: diff.affected.length })}> !</span>}
      </p>
      <ul>
        {diff.affected.map((a) => {
          const file = byPath.get(a.path);
          return (
            <li key={a.path}>
              <span className={`diff-op op-${a.operation}`}>{t(`diff.op.${a.operation}`)}</span>{' '}
              {file ? <a href={`#${anchorPrefix}${file.id}`}>{a.path}</a> : a.path} {file && <DiffStatsBar file={file} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Per-file options `<fileid>=WS:1-C:6` of the query string (§3.9). */
export function parseFileOptions(value: string | null): { ignorews?: boolean; context?: number } | null {
  if (!value) return null;
  const options: { ignorews?: boolean; context?: number } = {};
  for (const part of value.split('-')) {
    const [key, v] = part.split(':');
    if (key === 'WS' && v === '1') options.ignorews = true;
    if (key === 'C' && Number(v) > 0) options.context = Math.min(10_000, Number(v));
  }
  return options.ignorews || options.context ? options : null;
}

const formatFileOptions = (o: { ignorews?: boolean; context?: number }) => [o.ignorews ? 'WS:1' : '', o.context ? `C:${o.context}` : ''].filter(Boolean).join('-');

/** The diff with the files that have their own options (whitespace, context) fetched again with those options. */
export function usePerFileOptions(rev: string, diff: DiffResponse): DiffResponse {
  const { ref } = useRepoContext();
  const [params] = useSearchParams();
  const overridden = diff.files.map((f) => ({ file: f, options: parseFileOptions(params.get(f.id)) })).filter((o) => o.options);
  const results = useQueries({
    queries: overridden.map(({ file, options }) => ({
      queryKey: repoBrowseKeys.part(ref, `file-diff/${rev}`, { path: file.path, ...options }),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<FileDiffResponse>(`/api/v1/repos/${ref}/changesets/${encodeURIComponent(rev)}/file-diff`, { path: file.path, ignorews: options!.ignorews, context: options!.context }, signal),
    })),
  });
  if (!overridden.length) return diff;
  const replaced = new Map(overridden.map((o, i) => [o.file.id, results[i]?.data?.file]));
  return { ...diff, files: diff.files.map((f) => replaced.get(f.id) ?? f) };
}

const IMAGE = /\.(png|gif|jpe?g|bmp|webp|ico)$/i;

/** Per-file toolbar links of a changeset diff. */
export function useFileLinks(changeset: ChangesetDto): (file: DiffFile & { id?: string }) => DiffFileLinks {
  const { base, ref } = useRepoContext();
  const [params] = useSearchParams();
  const parent = changeset.parents[0];
  const withFileOptions = (id: string, change: (o: { ignorews?: boolean; context?: number }) => { ignorews?: boolean; context?: number }) => {
    const next = new URLSearchParams(params);
    const value = formatFileOptions(change(parseFileOptions(params.get(id)) ?? {}));
    if (value) next.set(id, value);
    else next.delete(id);
    return `?${next.toString()}#${id}`;
  };
  return (file) => ({
    ...(file.id
      ? {
          whitespace: withFileOptions(file.id, (o) => ({ ...o, ignorews: !o.ignorews })),
          context: withFileOptions(file.id, (o) => ({ ...o, context: (o.context ?? 3) * 2 })),
        }
      : {}),
    ...(IMAGE.test(file.path)
      ? {
          images: {
            before: file.oldPath && parent ? repoUrls.raw(ref, parent, file.oldPath) : null,
            after: file.newPath ? repoUrls.raw(ref, changeset.rawId, file.newPath) : null,
          },
        }
      : {}),
    before: file.oldPath && parent ? repoUrls.files(base, parent, file.oldPath) : null,
    after: file.newPath ? repoUrls.files(base, changeset.rawId, file.newPath) : null,
    sideBySide: repoUrls.diff(base, file.path, parent ?? '', changeset.rawId) + '&mode=sbs',
    raw: `/api/v1/repos/${ref}/file-diff?${new URLSearchParams({ path: file.path, diff1: parent ?? '', diff2: changeset.rawId, format: 'raw' })}`,
    download: `/api/v1/repos/${ref}/file-diff?${new URLSearchParams({ path: file.path, diff1: parent ?? '', diff2: changeset.rawId, format: 'download' })}`,
  });
}

/** Links to parents or children: one → that changeset, several → a list, none → "No revisions". */
export function Relatives({ label, changesets }: { label: string; changesets: ChangesetDto[] }) {
  const t = useT();
  const { base } = useRepoContext();
  return (
    <span className="relatives">
      {label}:{' '}
      {changesets.length === 0
        ? t('changeset.noRevisions')
        : changesets.map((c) => (
            <Link key={c.rawId} to={repoUrls.changeset(base, c.rawId)} title={c.message.split('\n')[0]}>
              {`r${c.revision}:${c.rawId.slice(0, 6)}`}
            </Link>
          ))}
    </span>
  );
}
