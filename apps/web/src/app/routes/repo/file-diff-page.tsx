import { useSearchParams } from 'react-router';
import { QueryState } from '../../../components/ui/query-state';
import { DiffView } from '../../../features/diff/components/diff-view';
import { useFileCompare } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { useDiffOptions } from './diff-options';

/** `/{repo}/diff/{path}?diff1=&diff2=` (and `/diff-2way/…`, side by side first): one file between two revisions; raw and download links. */
export function FileDiffPage({ path, twoWay = false }: { path: string; twoWay?: boolean }) {
  const t = useT();
  const { ref } = useRepoContext();
  const [params] = useSearchParams();
  const diff1 = params.get('diff1') ?? '';
  const diff2 = params.get('diff2') ?? '';
  const { options, mode, toolbar } = useDiffOptions(twoWay ? 'sideBySide' : 'unified');
  const compare = useFileCompare(ref, path, diff1, diff2, options);
  const dataUrl = (format: string) => `/api/v1/repos/${ref}/file-diff?${new URLSearchParams({ path, diff1, diff2, format })}`;
  return (
    <div className="file-diff-page">
      <h2>{t('fileDiff.title', { path, diff1: diff1.slice(0, 12), diff2: diff2.slice(0, 12) })}</h2>
      <p>
        <a href={dataUrl('raw')}>{t('diff.raw')}</a> · <a href={dataUrl('download')}>{t('diff.download')}</a>
      </p>
      {toolbar}
      <QueryState query={compare}>
        {(data) =>
          data.binary ? (
            <p>{t('fileDiff.binary')}</p>
          ) : data.tooBig ? (
            <p>{t('fileDiff.tooBig')}</p>
          ) : !data.file ? (
            <p>{t('diff.noChanges')}</p>
          ) : (
            <DiffView diff={{ files: [data.file], stats: { files: 1, added: data.file.stats.added, deleted: data.file.stats.deleted }, truncated: false, totalFiles: 1 }} mode={mode} />
          )
        }
      </QueryState>
    </div>
  );
}
