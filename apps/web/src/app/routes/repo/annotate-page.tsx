import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../../components/ui/query-state';
import { useAnnotate } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { formatExactDate } from '../../../lib/age';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';
import { vcsDate } from '../../../lib/vcs-date';
import { FileSource } from './file-source';

/** Golden-ratio hue sequence: neighbouring changesets get clearly different colours (§2.4). */
export function annotationColor(index: number): string {
  const hue = (index * 0.618033988749895 * 360) % 360;
  return `hsl(${hue.toFixed(0)}, 70%, 88%)`;
}

/** `/{repo}/annotate/{rev}/{path}`: every line prefixed by the changeset that last changed it. */
export function AnnotatePage({ rev, path }: { rev: string; path: string }) {
  const t = useT();
  const { ref, base } = useRepoContext();
  const [params] = useSearchParams();
  const annotate = useAnnotate(ref, rev, path, params.get('fulldiff') === '1');
  return (
    <QueryState query={annotate}>
      {(data) => {
        if (data.binary) return <p className="binary">{t('files.binary', { mimetype: '' })}</p>;
        if (data.tooBig)
          return (
            <p className="too-big">
              {t('files.tooBig')} <Link to="?fulldiff=1">{t('annotate.showFull')}</Link>
            </p>
          );
        const order = [...new Set(data.lines.map((l) => l.rawId))];
        const byLine = new Map(data.lines.map((l) => [l.lineNumber, l]));
        return (
          <div className="annotate-page">
            <h2>{t('annotate.title', { path, hash: data.changeset.shortId })}</h2>
            <p>
              <Link className="button" to={repoUrls.files(base, rev, path)}>
                {t('files.showSource')}
              </Link>
            </p>
            <FileSource
              path={path}
              content={data.lines.map((l) => l.content).join('\n')}
              prefix={(n) => {
                const line = byLine.get(n);
                if (!line) return null;
                const cs = data.changesets[line.rawId];
                const title = cs ? `${cs.author}\n${formatExactDate(vcsDate(cs.date))}\n${cs.message}` : line.rawId;
                return (
                  <Link to={repoUrls.changeset(base, line.rawId)} title={title} style={{ background: annotationColor(order.indexOf(line.rawId)) }} data-testid="annotation">
                    {`r${line.revision}:${line.rawId.slice(0, 12)}`}
                  </Link>
                );
              }}
            />
          </div>
        );
      }}
    </QueryState>
  );
}
