import type { ReactElement } from 'react';
import { useSearchParams } from 'react-router';
import type { DiffMode } from '../../../features/diff/components/diff-file-view';
import type { DiffOptions } from '../../../features/repo-browse/api/browse-api';
import { useT } from '../../../lib/i18n';

/** Diff options in the query string (`ignorews`, `context`, `fulldiff`, `mode=sbs`), shared by changeset, range, compare and file diff pages. */
export function useDiffOptions(defaultMode: DiffMode = 'unified'): { options: DiffOptions; mode: DiffMode; fullDiffHref: string; toolbar: ReactElement } {
  const [params, setParams] = useSearchParams();
  const t = useT();
  const ignorews = params.get('ignorews') === '1';
  const context = Number(params.get('context')) || undefined;
  const fulldiff = params.get('fulldiff') === '1';
  const modeParam = params.get('mode');
  const mode: DiffMode = modeParam === 'sbs' ? 'sideBySide' : modeParam === 'unified' ? 'unified' : defaultMode;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const full = new URLSearchParams(params);
  full.set('fulldiff', '1');
  const toolbar = (
    <p className="diff-options">
      <button type="button" className="button" aria-pressed={mode === 'unified'} onClick={() => set('mode', defaultMode === 'unified' ? undefined : 'unified')}>
        {t('diff.unified')}
      </button>
      <button type="button" className="button" aria-pressed={mode === 'sideBySide'} onClick={() => set('mode', 'sbs')}>
        {t('diff.sideBySide')}
      </button>{' '}
      <button type="button" className="button link" onClick={() => set('ignorews', ignorews ? undefined : '1')}>
        {ignorews ? t('diff.showWhitespace') : t('diff.ignoreWhitespace')}
      </button>{' '}
      <button type="button" className="button link" onClick={() => set('context', String((context ?? 3) * 2))}>
        {t('diff.increaseContext')}
      </button>
    </p>
  );
  return { options: { ignorews: ignorews || undefined, context, fulldiff: fulldiff || undefined }, mode, fullDiffHref: `?${full.toString()}`, toolbar };
}
