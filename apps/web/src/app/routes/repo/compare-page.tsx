import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../../components/ui/query-state';
import { ChangesetTable } from '../../../features/changelog/components/changeset-table';
import { DiffView } from '../../../features/diff/components/diff-view';
import { useCompare, useRefs } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useRepo } from '../../../features/repos/api/get-repo';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { FileList } from './changeset-parts';
import { useDiffOptions } from './diff-options';

/** `/{repo}/compare[/{t1}@{a}...{t2}@{b}]`: two refs of this repository, or across forks (`other_repo`, merge mode). */
export function ComparePage({ base: baseRev, head: headRev }: { base?: string; head?: string }) {
  const t = useT();
  const { ref, base, repo } = useRepoContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const otherRepo = params.get('other_repo') ?? undefined;
  const merge = params.get('merge') === '1' || !!otherRepo;
  // opened on a fork without refs: prefill "parent's landing ref → this fork's landing ref" in merge mode (§1 Compare Fork, §2.5)
  const fromFork = !!repo.forkOf && !baseRev && !headRev && !otherRepo;
  const parent = useRepo(repo.forkOf ? `_${repo.forkOf.id}` : '', fromFork);
  const defaults = fromFork
    ? { baseRepo: repo.forkOf!.name, base: parent.data ? landingRef(parent.data.landingRevision) : '', head: landingRef(repo.landingRevision), other: repo.name }
    : { baseRepo: repo.name, base: baseRev ?? '', head: headRev ?? '', other: otherRepo ?? '' };
  const [edits, setEdits] = useState<Partial<typeof defaults>>({});
  const form = { ...defaults, ...edits };
  const setForm = (change: Partial<typeof defaults>) => setEdits({ ...edits, ...change });
  const { options, mode, fullDiffHref, toolbar } = useDiffOptions();
  const refs = useRefs(ref);
  const refNames = refs.data ? [...refs.data.branches, ...refs.data.closedBranches, ...refs.data.tags, ...refs.data.bookmarks].map((r) => r.name) : [];
  const compare = useCompare(ref, { base: baseRev ?? '', head: headRev ?? '', otherRepo, merge: merge || undefined, ...options }, !!baseRev && !!headRev);
  // the compare runs on the repository holding base; head may sit in another one (a fork)
  const go = (b: string, h: string, other: string, baseRepo = repo.name) =>
    navigate(
      repoUrls.compare(baseRepo === repo.name ? base : baseRepo, b, h, {
        other_repo: other && other !== baseRepo ? other : undefined,
        merge: (other && other !== baseRepo) || params.get('merge') === '1' ? '1' : undefined,
      }),
    );
  return (
    <div className="compare-page">
      <form
        className="compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (form.base && form.head) go(form.base, form.head, form.other, form.baseRepo || repo.name);
        }}
      >
        <label>
          {t('compare.baseRepo')} <input value={form.baseRepo} onChange={(e) => setForm({ baseRepo: e.target.value })} />
        </label>
        <label>
          {t('compare.base')} <input list="compare-refs" value={form.base} onChange={(e) => setForm({ base: e.target.value })} />
        </label>
        <label>
          {t('compare.head')} <input list="compare-refs" value={form.head} onChange={(e) => setForm({ head: e.target.value })} />
        </label>
        <label>
          {t('compare.otherRepo')} <input value={form.other} placeholder={repo.forkOf?.name ?? ''} onChange={(e) => setForm({ other: e.target.value })} />
        </label>
        <datalist id="compare-refs">
          {[...new Set(refNames)].map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" className="button">
          {t('compare.submit')}
        </button>
        {baseRev && headRev && (
          <button type="button" className="button" onClick={() => go(headRev, baseRev, otherRepo ?? '')}>
            {t('compare.swap')}
          </button>
        )}
      </form>
      {baseRev && headRev && (
        <QueryState query={compare}>
          {(data) => (
            <>
              <p>{t('compare.showing', { n: data.changesets.length })}</p>
              {data.ancestors.length > 0 && <p>{t('compare.ancestor', { ids: data.ancestors.map((a) => a.slice(0, 12)).join(', ') })}</p>}
              {data.ancestors.length > 1 && <p className="flash warning">{t('compare.crissCross')}</p>}
              {data.changesets.length > 0 && <ChangesetTable changesets={[...data.changesets].reverse()} graph={data.graph} />}
              <FileList diff={data.diff} />
              {toolbar}
              <DiffView diff={data.diff} mode={mode} fullDiffHref={fullDiffHref} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

/** `branch:default`, `tag:v1`, `book:x`, `rev:tip` → the ref name. */
const landingRef = (landing: string) => landing.slice(landing.indexOf(':') + 1) || 'tip';
