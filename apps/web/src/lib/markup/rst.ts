import { escapeHtml } from '@grove/shared';

/**
 * A small reStructuredText subset: section titles (underlined, optionally overlined), paragraphs,
 * bullet and enumerated lists, literal blocks (`::` and `code-block`), block quotes, inline
 * ``literal``, **strong**, *emphasis*, `text <url>`_ links and bare URLs. Other directives
 * (`include`, `raw`, `meta`, …) are dropped. The output still goes through the sanitiser.
 * No package fits (docutils is Python), hence this subset.
 */
export function renderRst(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  const levels: string[] = [];
  let i = 0;
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const isUnderline = (l: string | undefined) => !!l && /^([=\-`:'"~^_*+#<>.])\1{2,}\s*$/.test(l);
  const level = (ch: string) => {
    if (!levels.includes(ch)) levels.push(ch);
    return Math.min(levels.indexOf(ch) + 1, 6);
  };
  const takeIndented = (from: number): [string[], number] => {
    const block: string[] = [];
    let j = from;
    while (j < lines.length && (lines[j]!.trim() === '' || indentOf(lines[j]!) > 0)) block.push(lines[j++]!);
    while (block.length && block[block.length - 1]!.trim() === '') block.pop();
    const min = Math.min(...block.filter((l) => l.trim()).map(indentOf));
    return [block.map((l) => l.slice(min)), j];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    // overlined title
    if (isUnderline(line) && lines[i + 1]?.trim() && isUnderline(lines[i + 2])) {
      out.push(`<h${level(line[0]! + line[0])}>${inline(lines[i + 1]!.trim())}</h${level(line[0]! + line[0])}>`);
      i += 3;
      continue;
    }
    if (isUnderline(lines[i + 1]) && indentOf(line) === 0 && lines[i + 1]!.trim().length >= line.trim().length) {
      const h = level(lines[i + 1]![0]!);
      out.push(`<h${h}>${inline(line.trim())}</h${h}>`);
      i += 2;
      continue;
    }
    if (/^\.\.\s/.test(line)) {
      const directive = /^\.\.\s+(code-block|code|sourcecode)::\s*(\S*)/.exec(line);
      const [block, next] = takeIndented(i + 1);
      const body = block.filter((l, k) => !(k === 0 && /^:\w+:/.test(l.trim())));
      if (directive) out.push(`<pre><code>${escapeHtml(body.join('\n').replace(/^\n+/, ''))}</code></pre>`);
      i = next;
      continue;
    }
    if (indentOf(line) > 0) {
      const [block, next] = takeIndented(i);
      out.push(`<blockquote>${renderRst(block.join('\n'))}</blockquote>`);
      i = next;
      continue;
    }
    const bullet = /^([-*+])\s+/;
    const enumerated = /^(\d+|#)[.)]\s+/;
    if (bullet.test(line) || enumerated.test(line)) {
      const re = bullet.test(line) ? bullet : enumerated;
      const tag = re === bullet ? 'ul' : 'ol';
      const items: string[] = [];
      while (i < lines.length && re.test(lines[i]!)) {
        const first = lines[i]!.replace(re, '');
        const [rest, next] = takeIndented(i + 1);
        items.push(`<li>${inline([first, ...rest].join(' ').trim())}</li>`);
        i = next;
        while (i < lines.length && !lines[i]!.trim()) i++;
      }
      out.push(`<${tag}>${items.join('')}</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() && indentOf(lines[i]!) === 0 && !isUnderline(lines[i + 1])) para.push(lines[i++]!);
    if (!para.length) {
      para.push(lines[i++]!);
    }
    let text = para.join('\n');
    const literal = text.endsWith('::');
    if (literal) text = text.endsWith(' ::') ? text.slice(0, -3) : text.slice(0, -1);
    if (text.trim()) out.push(`<p>${inline(text)}</p>`);
    if (literal) {
      while (i < lines.length && !lines[i]!.trim()) i++;
      const [block, next] = takeIndented(i);
      out.push(`<pre>${escapeHtml(block.join('\n'))}</pre>`);
      i = next;
    }
  }
  return out.join('\n');
}

function inline(text: string): string {
  const re = /``(.+?)``|\*\*(.+?)\*\*|\*(.+?)\*|`([^`<]+?)\s*<([^>]+)>`__?|(https?:\/\/[^\s<>"]+)/g;
  let html = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    html += escapeHtml(text.slice(last, m.index));
    if (m[1] !== undefined) html += `<code>${escapeHtml(m[1])}</code>`;
    else if (m[2] !== undefined) html += `<strong>${escapeHtml(m[2])}</strong>`;
    else if (m[3] !== undefined) html += `<em>${escapeHtml(m[3])}</em>`;
    else if (m[4] !== undefined) html += `<a href="${escapeHtml(m[5]!)}">${escapeHtml(m[4])}</a>`;
    else html += `<a href="${escapeHtml(m[6]!)}">${escapeHtml(m[6]!)}</a>`;
    last = m.index! + m[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
