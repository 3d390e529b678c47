import type { FilesResponse, TreeEntryDto } from '@grove/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Age } from '../../../components/ui/age';
import { QueryState } from '../../../components/ui/query-state';
import { useFileHistory, useFiles, useNodeList, useRefs } from '../../../features/repo-browse/api/browse-api';
import { Person } from '../../../features/repo-browse/components/person';
import { RevisionArrows } from '../../../features/repo-browse/components/revision-arrows';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { useDebounced } from '../../../lib/use-debounced';
import { cursorRowProps, useListCursor } from '../../../lib/use-list-cursor';
import { vcsDate } from '../../../lib/vcs-date';
import { FileSource } from './file-source';
import { BranchOptions } from '../../../features/repo-browse/components/branch-options';

/** Binary units (§2.4). */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n.toFixed(1)} ${units[u]}`;
}

/** `/{repo}/files/{rev}/{path}`: directory listing or file view. */
export function FilesPage({ rev, path }: { rev: string; path: string }) {
  const { ref } = useRepoContext();
  const [params] = useSearchParams();
  const files = useFiles(ref, rev, path, params.get('fulldiff') === '1');
  return (
    <QueryState query={files}>
      {(data) => (
        <div className="files-page">
          <FilesHeader data={data} rev={rev} path={path} />
          {data.kind === 'dir' ? <DirectoryView data={data} rev={rev} /> : <FileView data={data} rev={rev} />}
        </div>
      )}
    </QueryState>
  );
}

function FilesHeader({ data, rev, path }: { data: FilesResponse; rev: string; path: string }) {
  const t = useT();
  const { base, ref, repo } = useRepoContext();
  const refs = useRefs(ref);
  const navigate = useNavigate();
  const segments = path.split('/').filter(Boolean);
  const canAdd = data.kind === 'dir' && data.editability.canWrite && !!data.editability.branch;
  return (
    <header className="files-header">
      <h2>
        {/* parent/child revision of the same directory or file (§2.4) */}
        <RevisionArrows changeset={data.changeset} to={(id) => repoUrls.files(base, id, path)} /> {t('files.at', { hash: data.changeset.shortId })}{' '}
        <select
          aria-label={t('files.branch')}
          value=""
          onChange={(e) => e.target.value && navigate(repoUrls.files(base, e.target.value, path))}
        >
          <option value="">{data.changeset.branch ? t('files.branchAt', { branch: data.changeset.branch, hash: data.changeset.shortId }) : rev}</option>
          <BranchOptions refs={refs.data} />
        </select>
      </h2>
      <p className="breadcrumbs" data-testid="file-breadcrumbs">
        <Link to={repoUrls.files(base, rev)}>{repo.shortName}</Link>
        {segments.map((s, i) => (
          <span key={i}>
            {' / '}
            <Link to={repoUrls.files(base, rev, segments.slice(0, i + 1).join('/'))}>{s}</Link>
          </span>
        ))}
        {canAdd && (
          <>
            {' '}
            <Link className="button" to={repoUrls.add(base, data.editability.branch!, path)}>
              {t('files.addNew')}
            </Link>
          </>
        )}
      </p>
    </header>
  );
}

function DirectoryView({ data, rev }: { data: Extract<FilesResponse, { kind: 'dir' }>; rev: string }) {
  const t = useT();
  const { base, ref } = useRepoContext();
  const [params] = useSearchParams();
  const [filtering, setFiltering] = useState(params.get('search') === '1');
  const [filter, setFilter] = useState('');
  const debounced = useDebounced(filter, 600);
  const nodes = useNodeList(ref, rev, data.path, filtering);
  const hits = useMemo(() => {
    if (!debounced || !nodes.data) return null;
    const needle = debounced.toLowerCase();
    return nodes.data.nodes.filter((n) => n.name.toLowerCase().includes(needle));
  }, [debounced, nodes.data]);
  const parent = data.path.split('/').slice(0, -1).join('/');
  const entryUrl = (e: TreeEntryDto) => repoUrls.files(base, rev, e.path);
  // j/k over the rows ('..' first), Enter opens; submodules link out and are left to the mouse
  const rowUrls = useMemo(
    () => [...(data.path ? [repoUrls.files(base, rev, parent)] : []), ...data.entries.map((e) => (e.kind === 'submodule' ? null : repoUrls.files(base, rev, e.path)))],
    [data, base, rev, parent],
  );
  const cursor = useListCursor(!hits, rowUrls, 'table.files tbody tr');
  const offset = data.path ? 1 : 0;
  return (
    <>
      <p>
        {filtering ? (
          <input autoFocus placeholder={t('files.filterPlaceholder')} aria-label={t('files.searchFileList')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        ) : (
          <button type="button" className="button" onClick={() => setFiltering(true)}>
            {t('files.searchFileList')}
          </button>
        )}
      </p>
      {hits ? (
        <ul className="filter-hits" data-testid="filter-hits">
          {hits.length === 0 && <li>{t('files.noMatches')}</li>}
          {hits.slice(0, 20).map((n) => (
            <li key={n.name}>
              <Link to={repoUrls.files(base, rev, n.name)}>{n.name}</Link>
            </li>
          ))}
          {hits.length > 20 && <li>{t('files.searchTruncated')}</li>}
        </ul>
      ) : (
        <table className="grid files">
          <thead>
            <tr>
              <th>{t('common.name')}</th>
              <th>{t('files.size')}</th>
              <th>{t('files.lastRevision')}</th>
              <th>{t('files.lastModified')}</th>
              <th>{t('files.lastCommitter')}</th>
            </tr>
          </thead>
          <tbody>
            {data.path && (
              <tr {...cursorRowProps(cursor, 0)}>
                <td>
                  <Link to={repoUrls.files(base, rev, parent)}>..</Link>
                </td>
                <td colSpan={4} />
              </tr>
            )}
            {data.entries.map((e, i) => (
              <tr key={e.path} data-testid="file-entry" {...cursorRowProps(cursor, i + offset)}>
                <td className={`entry ${e.kind}`}>
                  {e.kind === 'submodule' ? (
                    e.subrepo?.url ? (
                      <a href={e.subrepo.url} target="_blank" rel="noreferrer noopener">
                        {e.name} @ {e.subrepo.revision.slice(0, 12)}
                      </a>
                    ) : (
                      e.name
                    )
                  ) : (
                    <Link to={entryUrl(e)}>
                      {e.name}
                      {e.kind === 'dir' ? '/' : ''}
                    </Link>
                  )}
                </td>
                <td>{formatSize(e.size)}</td>
                <td>
                  {e.lastChangeset && (
                    <Link to={repoUrls.changeset(base, e.lastChangeset.rawId)} title={e.lastChangeset.message}>
                      {`r${e.lastChangeset.revision}:${e.lastChangeset.shortId}`}
                    </Link>
                  )}
                </td>
                <td>{e.lastChangeset && <Age date={vcsDate(e.lastChangeset.date)} />}</td>
                <td>{e.lastChangeset && <Person changeset={e.lastChangeset} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function FileView({ data, rev }: { data: Extract<FilesResponse, { kind: 'file' }>; rev: string }) {
  const t = useT();
  const { base, ref } = useRepoContext();
  const navigate = useNavigate();
  const [picking, setPicking] = useState(false);
  const [other, setOther] = useState('');
  const [showAuthors, setShowAuthors] = useState(false);
  const history = useFileHistory(ref, rev, data.path, picking || showAuthors);
  const { canWrite, branch } = data.editability;
  return (
    <div className="file-view">
      <p className="file-info">
        <Link to={repoUrls.changeset(base, data.changeset.rawId)}>{data.changeset.shortId}</Link> · {formatSize(data.size)} · {data.mimetype}
        {data.lastChangeset && (
          <>
            {' '}
            · <Person changeset={data.lastChangeset} />: {data.lastChangeset.message.split('\n')[0]}
          </>
        )}
      </p>
      <p className="file-actions">
        <Link className="button" to={repoUrls.files(base, rev, data.path)}>
          {t('files.showSource')}
        </Link>
        <Link className="button" to={repoUrls.annotate(base, rev, data.path)}>
          {t('files.showAnnotation')}
        </Link>
        <a className="button" href={repoUrls.raw(ref, rev, data.path)}>
          {t('files.showRaw')}
        </a>
        <a className="button" href={repoUrls.raw(ref, rev, data.path, true)}>
          {t('files.downloadRaw')}
        </a>
        <Link className="button" to={repoUrls.changelog(base, { rev, path: data.path })}>
          {t('files.fullHistory')}
        </Link>
        {canWrite &&
          (branch ? (
            <>
              {data.binary ? (
                <button type="button" className="button" disabled title={t('files.binaryNoEdit')}>
                  {t('files.editOnBranch', { branch })}
                </button>
              ) : (
                <Link className="button" to={repoUrls.edit(base, branch, data.path)}>
                  {t('files.editOnBranch', { branch })}
                </Link>
              )}
              <Link className="button danger" to={repoUrls.delete(base, branch, data.path)}>
                {t('common.delete')}
              </Link>
            </>
          ) : (
            <button type="button" className="button" disabled title={t('files.notAtHead')}>
              {t('common.edit')}
            </button>
          ))}
        <button type="button" className="button link" onClick={() => setPicking(!picking)}>
          {t('files.diffToRevision')}
        </button>
        <button type="button" className="button link" aria-expanded={showAuthors} onClick={() => setShowAuthors(!showAuthors)}>
          {t('files.showAuthors')}
        </button>
      </p>
      {showAuthors && history.data && (
        <ul className="authors" aria-label={t('files.authors')}>
          {history.data.authors.map((a) => (
            <li key={a.author}>{a.username ? `${a.username} (${a.name})` : a.name || a.email}</li>
          ))}
        </ul>
      )}
      {picking && (
        <form
          className="diff-picker"
          onSubmit={(e) => {
            e.preventDefault();
            if (other) navigate(repoUrls.diff(base, data.path, other, data.changeset.rawId));
          }}
        >
          <input list="file-history" aria-label={t('files.revision')} value={other} onChange={(e) => setOther(e.target.value)} />
          <datalist id="file-history">
            {history.data?.changesets.map((c) => (
              <option key={c.rawId} value={c.rawId}>{`${c.shortId} (${c.branch ?? ''})`}</option>
            ))}
            {history.data?.branches.map((b) => <option key={`b-${b.name}`} value={b.name} />)}
            {history.data?.tags.map((b) => <option key={`t-${b.name}`} value={b.name} />)}
          </datalist>
          <button type="submit" className="button">
            {t('files.diffToRevision')}
          </button>
          <button type="button" className="button" onClick={() => other && navigate(repoUrls.files(base, other, data.path))}>
            {t('files.showAtRevision')}
          </button>
        </form>
      )}
      {data.image ? (
        <img className="file-image" src={repoUrls.raw(ref, rev, data.path)} alt={data.path} />
      ) : data.binary ? (
        <p className="binary">{t('files.binary', { mimetype: data.mimetype })}</p>
      ) : data.tooBig || data.content === null ? (
        <p className="too-big">
          {t('files.tooBig')} <a href={repoUrls.raw(ref, rev, data.path)}>{t('files.showRaw')}</a>
        </p>
      ) : (
        <FileSource path={data.path} content={data.content} />
      )}
    </div>
  );
}
