import { urlify } from '@grove/shared';
import { renderReadme } from './render-readme';
import { renderRst } from './rst';
import { sanitizeHtml } from './sanitize';

/** Everything that could run script or load active content after sanitising, checked on a real DOM. */
function assertSafe(html: string): void {
  const host = document.createElement('div');
  host.innerHTML = html;
  for (const el of host.querySelectorAll('*')) {
    expect(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'link', 'meta', 'base', 'template']).not.toContain(
      el.tagName.toLowerCase(),
    );
    for (const attr of el.attributes) {
      expect(attr.name).not.toMatch(/^on/i);
      expect(['class', 'id', 'style', 'label', 'title', 'alt', 'href', 'src']).toContain(attr.name);
      if (attr.name === 'href' || attr.name === 'src') expect(attr.value.trim()).not.toMatch(/^(javascript|vbscript|data|file):/i);
      if (attr.name === 'style') expect(attr.value).toMatch(/^\s*color\s*:/i);
    }
  }
}

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="file:///etc/passwd">x</a>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="color:red;position:fixed">x</p>',
  '<style>body{display:none}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil"><input name=q></form>',
  '<div onmouseover="alert(1)" data-x="1" aria-label="a">hover</div>',
  '<base href="https://evil/"><meta http-equiv="refresh" content="0;url=https://evil">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '[click](javascript:alert(1))',
  '![img](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<details open ontoggle=alert(1)>',
  '`text <javascript:alert(1)>`_',
];

describe('sanitizeHtml', () => {
  it.each(XSS_CORPUS)('neutralises %s', (payload) => {
    assertSafe(sanitizeHtml(payload));
    assertSafe(renderReadme('README.md', payload));
    assertSafe(renderReadme('README.rst', payload));
    assertSafe(renderReadme('README.text', payload));
  });

  it('shows disallowed tags as escaped text', () => {
    const html = sanitizeHtml('<script>alert(1)</script><b>ok</b>');
    const host = document.createElement('div');
    host.innerHTML = html;
    expect(host.textContent).toBe('<script>alert(1)</script>ok');
    expect(host.querySelector('b')?.textContent).toBe('ok');
  });

  it('keeps allowed markup, http(s)/mailto/relative links and a plain colour style', () => {
    const html = sanitizeHtml(
      '<h2 id="t">T</h2><a href="https://x.example/">a</a><a href="mailto:a@b.c">m</a><a href="docs/x.md">r</a><span style="color: red">c</span><table><tbody><tr><td>1</td></tr></tbody></table>',
    );
    expect(html).toContain('<h2 id="t">T</h2>');
    expect(html).toContain('href="https://x.example/"');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).toContain('href="docs/x.md"');
    expect(html).toContain('style="color: red"');
    expect(html).toContain('<td>1</td>');
  });

  it('keeps urlify output intact', () => {
    const rendered = urlify('see https://a.example/ @bob #4', { repoName: 'r', issueTrackers: [{ pattern: '#(\\d+)', serverLink: 'https://i/\\1', sub: '' }] });
    expect(sanitizeHtml(rendered)).toBe(rendered);
  });
});

describe('renderReadme', () => {
  it('renders Markdown with tables and fenced code', () => {
    const html = renderReadme('README.md', '# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```\n');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<td>1</td>');
    expect(html).toMatch(/<pre><code class="language-js">let x = 1;/);
  });

  it('renders reStructuredText titles, lists, literals and links; drops raw/include directives', () => {
    const html = renderRst(
      'Title\n=====\n\nSome *em* and **strong** and ``code``, see `site <https://example.com>`_.\n\n- one\n- two\n\nExample::\n\n    <b>raw</b>\n\n.. raw:: html\n\n    <script>alert(1)</script>\n\n.. include:: /etc/passwd\n',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<strong>strong</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://example.com">site</a>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<pre>&lt;b&gt;raw&lt;/b&gt;</pre>');
    expect(html).not.toContain('script');
    expect(html).not.toContain('passwd');
  });

  it('renders plain text with links and line breaks', () => {
    expect(renderReadme('notes.text', 'a\nhttps://x.example/?a=1&b=2')).toBe('a<br><a href="https://x.example/?a=1&amp;b=2">https://x.example/?a=1&amp;b=2</a>');
  });
});
