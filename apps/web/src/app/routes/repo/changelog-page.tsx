import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { ChangesetTable } from '../../../features/changelog/components/changeset-table';
import { useChangelog, useRefs } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { BranchOptions } from '../../../features/repo-browse/components/branch-options';

const SIZE_KEY = 'grove.changelog.size';
const rememberedSize = () => {
  try {
    return Number(localStorage.getItem(SIZE_KEY)) || 100;
  } catch {
    return 100;
  }
};

/** `/{repo}/changelog[/{rev}[/{path}]]`: paged changesets with graph, branch filter, selection; file history with a path. */
export function ChangelogPage({ rev, path }: { rev?: string; path?: string }) {
  const t = useT();
  const { base, ref, repo } = useRepoContext();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const branch = params.get('branch') ?? undefined;
  const page = Number(params.get('page')) || 1;
  const requested = Number(params.get('size'));
  const size = Math.min(2000, Math.max(1, requested || rememberedSize()));
  const changelog = useChangelog(ref, { page, size, branch, revision: rev, path });
  const refs = useRefs(ref);
  const [selected, setSelected] = useState<string[]>([]);
  const fileHistory = !!path;

  const setQuery = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) merged.set(k, v); else merged.delete(k);
    setParams(merged);
  };
  // `?branch=` naming no open or closed branch (e.g. a tag) and no revision: the changelog ending there
  const refsData = refs.data;
  if (branch && !rev && refsData && ![...refsData.branches, ...refsData.closedBranches].some((b) => b.name === branch)) {
    return <Navigate to={repoUrls.changelog(base, { rev: branch })} replace />;
  }
  const toggle = (rawId: string) =>
    setSelected((prev) => (prev.includes(rawId) ? prev.filter((x) => x !== rawId) : [...prev.slice(-1), rawId]));

  return (
    <div className="changelog-page">
      <header className="toolbar">
        {fileHistory && <h2>{t('changelog.fileHistory', { path: path! })}</h2>}
        {rev && (
          <span>
            {t('changelog.at', { rev })} <Link to={repoUrls.changelog(base)}>{t('changelog.goToTip')}</Link>
          </span>
        )}
        {!fileHistory && (
          <>
            <label>
              {t('changelog.branchFilter')}{' '}
              <select value={branch ?? ''} onChange={(e) => setQuery({ branch: e.target.value || undefined, page: undefined })}>
                <option value="">{t('changelog.noBranch')}</option>
                <BranchOptions refs={refs.data} />
              </select>
            </label>
            <label>
              {t('changelog.size')}{' '}
              <select
                value={size}
                onChange={(e) => {
                  try {
                    localStorage.setItem(SIZE_KEY, e.target.value);
                  } catch {
                    /* private mode: not remembered */
                  }
                  setQuery({ size: e.target.value, page: undefined });
                }}
              >
                {[...new Set([10, 20, 50, 100, 200, 500, size])].sort((a, b) => a - b).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </header>
      <QueryState query={changelog}>
        {(data) => (
          <>
            <p>
              {t('changelog.showing', { n: data.changesets.length, total: data.total })} <span className="hint">{t('changelog.keyboardHelp')}</span>
            </p>
            {selected.length > 0 && (
              <p className="selection">
                {selected.length === 2 ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      const order = data.changesets.map((c) => c.rawId);
                      const [newer, older] = [...selected].sort((a, b) => order.indexOf(a) - order.indexOf(b));
                      navigate(repoUrls.range(base, older!.slice(0, 12), newer!.slice(0, 12)));
                    }}
                  >
                    {t('changelog.showSelected', { a: selected[0]!.slice(0, 12), b: selected[1]!.slice(0, 12) })}
                  </button>
                ) : (
                  <Link className="button" to={repoUrls.changeset(base, selected[0]!)}>
                    {t('changelog.showOne', { id: selected[0]!.slice(0, 12) })}
                  </Link>
                )}{' '}
                <button type="button" className="button link" onClick={() => setSelected([])}>
                  {t('changelog.clearSelection')}
                </button>
              </p>
            )}
            {repo.forkOf && !fileHistory && (
              <p>
                <Link to={repoUrls.compare(base)}>{t('changelog.compareFork')}</Link>
              </p>
            )}
            {data.total === 0 && !branch && !rev && !fileHistory ? (
              <Navigate to={repoUrls.summary(base)} replace state={{ flash: t('changelog.emptyRepo') }} />
            ) : data.changesets.length === 0 ? (
              <p className="empty">{t('changelog.empty')}</p>
            ) : (
              <ChangesetTable
                changesets={data.changesets}
                graph={fileHistory ? undefined : data.graph}
                selected={fileHistory ? undefined : selected}
                onSelect={fileHistory ? undefined : toggle}
                hideBranch={!!branch}
                keyboard
              />
            )}
            <Pager page={page} size={size} total={data.total} onPage={(p) => setQuery({ page: String(p) })} />
          </>
        )}
      </QueryState>
    </div>
  );
}
