import type { DiffFile, ParsedDiff } from '@grove/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { DiffFileView, type DiffFileLinks, type DiffMode } from './diff-file-view';

/**
 * A whole diff: global Collapse/Expand, one block per file, and the cut-off notice with
 * "Show full diff anyway" when files were left out.
 */
export function DiffView({
  diff,
  mode,
  fullDiffHref,
  fileLinks,
}: {
  diff: Omit<ParsedDiff, 'files'> & { files: (DiffFile & { id?: string })[] };
  mode: DiffMode;
  fullDiffHref?: string;
  fileLinks?: (file: DiffFile) => DiffFileLinks;
}) {
  const t = useT();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const allCollapsed = diff.files.length > 0 && diff.files.every((f) => collapsed.has(f.path));
  const toggle = (path: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  return (
    <div className="diff-view">
      {diff.files.length > 0 && (
        <p className="diff-view-actions">
          <button type="button" className="button" onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(diff.files.map((f) => f.path)))}>
            {allCollapsed ? t('diff.expandAll') : t('diff.collapseAll')}
          </button>
        </p>
      )}
      {diff.truncated && (
        <p className="flash warning" role="status">
          {t('diff.cutOff')}{' '}
          {fullDiffHref && <Link to={fullDiffHref}>{t('diff.showFullDiff')}</Link>}
        </p>
      )}
      {diff.files.map((file) => (
        <DiffFileView key={file.path} file={file} mode={mode} collapsed={collapsed.has(file.path)} onToggle={() => toggle(file.path)} links={fileLinks?.(file)} />
      ))}
    </div>
  );
}
