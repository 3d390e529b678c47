/** File extension (or whole file name) → highlight.js language of the bundled subset. */
const BY_EXTENSION: Record<string, string> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  py: 'python', pyw: 'python', rb: 'ruby', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp',
  hpp: 'cpp', hh: 'cpp', cs: 'csharp', php: 'php', sh: 'bash', bash: 'bash', zsh: 'bash', json: 'json', yml: 'yaml', yaml: 'yaml', xml: 'xml',
  html: 'xml', htm: 'xml', svg: 'xml', css: 'css', scss: 'scss', md: 'markdown', markdown: 'markdown', sql: 'sql', ini: 'ini', cfg: 'ini',
  toml: 'ini', diff: 'diff', patch: 'diff', pl: 'perl', lua: 'lua', swift: 'swift',
};
const BY_NAME: Record<string, string> = { makefile: 'makefile', dockerfile: 'dockerfile', '.hgrc': 'ini', '.gitconfig': 'ini' };

/** The language to highlight a file with, or null for plain text. */
export function languageForPath(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (BY_NAME[name]) return BY_NAME[name]!;
  const dot = name.lastIndexOf('.');
  return dot > 0 || (dot === 0 && name.length > 1) ? (BY_EXTENSION[name.slice(dot + 1)] ?? null) : null;
}

/**
 * Splits highlighted HTML into lines, closing the spans open at each line end and reopening them
 * on the next line, so every line is well-formed on its own (highlight.js output only has spans).
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  const re = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (const m of html.matchAll(re)) {
    current += html.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[0] === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      current += m[0];
    } else {
      open.push(m[0]);
      current += m[0];
    }
  }
  lines.push(current + html.slice(last));
  return lines;
}
