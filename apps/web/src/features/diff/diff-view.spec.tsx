import type { DiffFile, DiffHunk, ParsedDiff } from '@grove/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { loadHighlighter } from '../../lib/highlight/use-highlighter';
import { renderWithProviders } from '../../testing/render';
import { DiffView } from './components/diff-view';
import { wordDiff } from './word-diff';

function file(path: string, hunks: DiffHunk[], extra: Partial<DiffFile> = {}): DiffFile {
  const added = hunks.flatMap((h) => h.lines).filter((l) => l.type === 'add').length;
  const deleted = hunks.flatMap((h) => h.lines).filter((l) => l.type === 'del').length;
  return {
    oldPath: path, newPath: path, path, operation: 'modified', oldMode: '100644', newMode: '100644', modeChanged: false, similarity: null,
    binary: false, hasBinaryPatch: false, submodule: false, hunks, stats: { added, deleted, binary: false }, rawOffset: 0, rawLength: 0, ...extra,
  };
}

const hunk: DiffHunk = {
  oldStart: 10, oldLines: 4, newStart: 10, newLines: 4, section: 'function main()',
  lines: [
    { type: 'context', oldNumber: 10, newNumber: 10, content: 'const a = 1;' },
    { type: 'del', oldNumber: 11, newNumber: null, content: 'const name = "old";' },
    { type: 'add', oldNumber: null, newNumber: 11, content: 'const name = "new";' },
    { type: 'context', oldNumber: 12, newNumber: 12, content: '\tindented  ' },
    { type: 'del', oldNumber: 13, newNumber: null, content: 'x();' },
    { type: 'del', oldNumber: 14, newNumber: null, content: 'y();' },
    { type: 'add', oldNumber: null, newNumber: 13, content: 'z();' },
    { type: 'no-newline', oldNumber: null, newNumber: null, content: '\\ No newline at end of file' },
  ],
};

const diff: ParsedDiff = {
  files: [
    file('src/main.ts', [hunk]),
    file('bin/logo.png', [], { binary: true, stats: { added: 0, deleted: 0, binary: true } }),
    file('gone.txt', [{ oldStart: 1, oldLines: 1, newStart: 0, newLines: 0, section: '', lines: [{ type: 'del', oldNumber: 1, newNumber: null, content: 'bye' }] }], {
      operation: 'removed', newPath: null,
    }),
    file('new name.txt', [], { operation: 'renamed', oldPath: 'old.txt', similarity: 100 }),
  ],
  stats: { files: 4, added: 2, deleted: 4 },
  truncated: true,
  totalFiles: 6,
};

describe('wordDiff', () => {
  it('wraps only the changed words and escapes entities', () => {
    expect(wordDiff('a <b> c', 'a <i> c')).toEqual({ old: 'a &lt;<del>b</del>&gt; c', new: 'a &lt;<ins>i</ins>&gt; c' });
  });
});

describe('DiffView', () => {
  beforeAll(() => loadHighlighter());

  it('renders unified lines with numbers, anchors, hunk headers and word-level highlighting of one-line changes only', () => {
    renderWithProviders(<DiffView diff={diff} mode="unified" fullDiffHref="?fulldiff=1" />);
    const main = screen.getByRole('region', { name: 'src/main.ts' });
    expect(within(main).getByText('@@ -10,4 +10,4 @@ function main()')).toBeTruthy();
    const anchor = main.querySelector('#src_main_ts_n11 a')!;
    expect(anchor.getAttribute('href')).toBe('#src_main_ts_n11');
    expect(main.querySelector('#src_main_ts_o11')).not.toBeNull();
    // the single-line change is word-diffed, the two-for-one change is not
    expect([...main.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['old']);
    expect([...main.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['new']);
    expect(main.querySelectorAll('tr.add')).toHaveLength(2);
    expect(main.querySelectorAll('tr.del')).toHaveLength(3);
    // tabs and trailing whitespace are made visible
    expect(main.querySelector('u.ws-tab')).not.toBeNull();
    expect(main.querySelector('u.ws-trailing')!.textContent).toBe('  ');
    expect([...main.querySelectorAll('tr.unmod')].map((tr) => tr.textContent)).toContain('\\ No newline at end of file');
  });

  it('pairs deletions and additions side by side', () => {
    renderWithProviders(<DiffView diff={diff} mode="sideBySide" />);
    const main = screen.getByRole('region', { name: 'src/main.ts' });
    const rows = [...main.querySelectorAll('tr.diff-line')];
    // context, 1:1 change, context, 2 deletions beside 1 addition (+ an empty cell), no-newline
    expect(rows).toHaveLength(6);
    const cells = (i: number) => [...rows[i]!.querySelectorAll('td.code')].map((td) => td.textContent);
    expect(cells(1)).toEqual(['const name = "old";', 'const name = "new";']);
    expect(cells(3)).toEqual(['x();', 'z();']);
    expect(cells(4)).toEqual(['y();', '']);
    expect(rows[4]!.querySelector('td.code.empty')).not.toBeNull();
  });

  it('shows meta rows, hides removed content, and offers the full diff when cut off', () => {
    renderWithProviders(<DiffView diff={diff} mode="unified" fullDiffHref="?fulldiff=1" />);
    expect(screen.getByText('binary diff not shown')).toBeTruthy();
    expect(screen.getByText('bin+mod')).toBeTruthy();
    const gone = screen.getByRole('region', { name: 'gone.txt' });
    expect(within(gone).getByText('deleted file')).toBeTruthy();
    expect(gone.querySelector('table')).toBeNull();
    expect(screen.getByText('file renamed from old.txt to new name.txt')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Show full diff anyway' }).getAttribute('href')).toBe('/?fulldiff=1');
  });

  it('collapses one file, and all files', () => {
    renderWithProviders(<DiffView diff={diff} mode="unified" />);
    const main = screen.getByRole('region', { name: 'src/main.ts' });
    fireEvent.click(within(main).getByRole('button', { expanded: true }));
    expect(main.querySelector('table')).toBeNull();
    fireEvent.click(within(main).getByRole('button', { expanded: false }));
    expect(main.querySelector('table')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Diff' }));
    expect(document.querySelectorAll('table.diff-table')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Expand Diff' }));
    expect(document.querySelectorAll('table.diff-table')).toHaveLength(1);
  });

  it('highlights syntax per line', async () => {
    renderWithProviders(<DiffView diff={diff} mode="unified" />);
    const main = screen.getByRole('region', { name: 'src/main.ts' });
    await screen.findAllByText('const', { selector: '.hljs-keyword' });
    expect(main.querySelector('.hljs-keyword')).not.toBeNull();
  });
});

describe('DiffView images', () => {
  beforeAll(() => loadHighlighter());

  it('shows old and new image on request', () => {
    const png = file('img/logo.png', [], { binary: true, stats: { added: 0, deleted: 0, binary: true } });
    const one: ParsedDiff = { files: [png], stats: { files: 1, added: 0, deleted: 0 }, truncated: false, totalFiles: 1 };
    renderWithProviders(<DiffView diff={one} mode="unified" fileLinks={() => ({ images: { before: '/raw/old.png', after: '/raw/new.png' } })} />);
    expect(document.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show images' }));
    expect(screen.getByAltText('Image before').getAttribute('src')).toBe('/raw/old.png');
    const after = screen.getByAltText('Image after');
    expect(after.getAttribute('src')).toBe('/raw/new.png');
    fireEvent.pointerDown(after);
    expect(after.getAttribute('src')).toBe('/raw/old.png');
    fireEvent.pointerUp(after);
    expect(after.getAttribute('src')).toBe('/raw/new.png');
  });
});
