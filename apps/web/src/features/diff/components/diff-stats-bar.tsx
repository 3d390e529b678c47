import { diffStatsBar, type DiffFile } from '@grove/shared';
import { useT } from '../../../lib/i18n';

/** 100 px bar of added vs deleted lines; binary and meta-only changes show a label instead (§3.9). */
export function DiffStatsBar({ file }: { file: DiffFile }) {
  const t = useT();
  const { added, deleted } = file.stats;
  if (file.binary || (added === 0 && deleted === 0)) {
    const op = file.operation === 'added' ? t('diff.opNew') : file.operation === 'removed' ? t('diff.opDel') : file.operation === 'renamed' ? t('diff.opRename') : t('diff.opMod');
    const label = `${file.binary ? 'bin+' : ''}${op}${file.modeChanged ? '+chmod' : ''}`;
    return <span className="diff-stats-label">{label}</span>;
  }
  const bar = diffStatsBar(file.stats);
  return (
    <span className="diff-stats-bar" title={t('diff.statsTitle', { added, deleted })} aria-label={t('diff.statsTitle', { added, deleted })}>
      <span className="added" style={{ width: `${bar.added}px` }}>
        {added > 0 ? `+${added}` : ''}
      </span>
      <span className="deleted" style={{ width: `${bar.deleted}px` }}>
        {deleted > 0 ? `-${deleted}` : ''}
      </span>
    </span>
  );
}
