import { Link } from 'react-router';
import { QueryState } from '../../../components/ui/query-state';
import { DiffView } from '../../../features/diff/components/diff-view';
import { useChangesetRange } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { ChangesetMeta, FileList } from './changeset-parts';
import { useDiffOptions } from './diff-options';

/** `/{repo}/changeset/{a}...{b}`: every changeset of the range with its files and diff; "Compare Revisions". */
export function RangePage({ from, to }: { from: string; to: string }) {
  const t = useT();
  const { ref, base } = useRepoContext();
  const { options, mode, fullDiffHref, toolbar } = useDiffOptions();
  const range = useChangesetRange(ref, from, to, options);
  return (
    <QueryState query={range}>
      {(data) => {
        const first = data.changesets[0]?.changeset;
        const last = data.changesets[data.changesets.length - 1]?.changeset;
        return (
          <div className="range-page">
            <h2>{t('range.title', { from, to })}</h2>
            {first && last && (
              <p>
                <Link className="button" to={repoUrls.compare(base, first.parents[0] ?? first.rawId, last.rawId)}>
                  {t('range.compare')}
                </Link>
              </p>
            )}
            {toolbar}
            {data.changesets.map(({ changeset, diff }) => (
              <section key={changeset.rawId} className="range-changeset">
                <h3>
                  <Link to={repoUrls.changeset(base, changeset.rawId)}>{`r${changeset.revision}:${changeset.shortId}`}</Link>
                </h3>
                <ChangesetMeta changeset={changeset} />
                <FileList diff={diff} />
                <DiffView diff={diff} mode={mode} fullDiffHref={fullDiffHref} />
              </section>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}
