import type { ChangesetDto, DiffFile, DiffResponse } from '@grove/shared';
import { Link } from 'react-router';
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

/** Per-file toolbar links of a changeset diff. */
export function useFileLinks(changeset: ChangesetDto): (file: DiffFile) => DiffFileLinks {
  const { base, ref } = useRepoContext();
  const parent = changeset.parents[0];
  return (file) => ({
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
