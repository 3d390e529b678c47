import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { Flash, useLocationFlash } from '../../../components/ui/flash';
import { QueryState } from '../../../components/ui/query-state';
import { DiffView } from '../../../features/diff/components/diff-view';
import { useChangeset } from '../../../features/repo-browse/api/browse-api';
import { RevisionArrows } from '../../../features/repo-browse/components/revision-arrows';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { ChangesetMeta, FileList, Relatives, useFileLinks, usePerFileOptions } from './changeset-parts';
import { useDiffOptions } from './diff-options';

/** `/{repo}/changeset/{rev}`: parents/children, metadata, raw links, file list, the diff. */
export function ChangesetPage({ rev }: { rev: string }) {
  const { ref } = useRepoContext();
  const { options, mode, fullDiffHref, toolbar } = useDiffOptions();
  const changeset = useChangeset(ref, rev, options);
  return <QueryState query={changeset}>{(data) => <ChangesetBody data={data} mode={mode} fullDiffHref={fullDiffHref} toolbar={toolbar} />}</QueryState>;
}

function ChangesetBody({ data, mode, fullDiffHref, toolbar }: { data: NonNullable<ReturnType<typeof useChangeset>['data']>; mode: 'unified' | 'sideBySide'; fullDiffHref: string; toolbar: ReactElement }) {
  const t = useT();
  const { ref, base } = useRepoContext();
  const cs = data.changeset;
  const fileLinks = useFileLinks(cs);
  const flash = useLocationFlash();
  const diff = usePerFileOptions(cs.rawId, data.diff);
  return (
    <div className="changeset-page">
      <Flash message={flash} />
      <h2>
        <RevisionArrows changeset={cs} to={(id) => repoUrls.changeset(base, id)} /> {t('changeset.title')}{' '}
        <code data-testid="changeset-id">{`r${cs.revision}:${cs.shortId}`}</code>
      </h2>
      <p className="nav">
        <Relatives label={t('changeset.parents')} changesets={data.parents} /> · <Relatives label={t('changeset.children')} changesets={data.children} />
      </p>
      <p className="data-links">
        <a href={repoUrls.changesetData(ref, cs.rawId, 'raw')}>{t('changeset.rawDiff')}</a> ·{' '}
        <a href={repoUrls.changesetData(ref, cs.rawId, 'patch')}>{t('changeset.patch')}</a> ·{' '}
        <a href={repoUrls.changesetData(ref, cs.rawId, 'download')}>{t('changeset.downloadDiff')}</a> ·{' '}
        <Link to={repoUrls.files(base, cs.rawId)}>{t('changeset.browseFiles')}</Link>
      </p>
      <ChangesetMeta changeset={cs} />
      <FileList diff={data.diff} />
      {toolbar}
      <DiffView diff={diff} mode={mode} fullDiffHref={fullDiffHref} fileLinks={fileLinks} />
    </div>
  );
}
