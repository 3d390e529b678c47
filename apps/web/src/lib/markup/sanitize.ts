import DOMPurify from 'dompurify';

/** The allow-list of web-ui.md §3.1 (Kallithea's bleach settings). */
export const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'ol', 'p',
  'pre', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
export const ALLOWED_ATTRIBUTES = ['class', 'id', 'style', 'label', 'title', 'alt', 'href', 'src'];
/** http, https, mailto, or a scheme-less (relative) URL; everything else (javascript:, data:, file:, …) is dropped. */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const SAFE_COLOR = /^\s*color\s*:\s*(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))\s*;?\s*$/i;

const allowedTags = new Set(ALLOWED_TAGS);

/** Disallowed elements become escaped text (their tags are shown, their children are kept and sanitised in turn). */
function escapeDisallowed(parent: Node, doc: Document): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === 8) {
      node.parentNode!.removeChild(node); // comments
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (allowedTags.has(tag)) {
      escapeDisallowed(element, doc);
      continue;
    }
    const attributes = [...element.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
    const holder = tag === 'template' ? (element as HTMLTemplateElement).content : element;
    escapeDisallowed(holder, doc);
    const fragment = doc.createDocumentFragment();
    fragment.appendChild(doc.createTextNode(`<${tag}${attributes}>`));
    while (holder.firstChild) fragment.appendChild(holder.firstChild);
    fragment.appendChild(doc.createTextNode(`</${tag}>`));
    element.replaceWith(fragment);
  }
}

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
      // Inline style: only a plain `color`.
      if (data.attrName === 'style' && !SAFE_COLOR.test(data.attrValue)) data.keepAttr = false;
      // DOMPurify lets data: URIs through on images; the allow-list does not.
      if ((data.attrName === 'src' || data.attrName === 'href') && !ALLOWED_URI.test([...data.attrValue].filter((c) => c.charCodeAt(0) > 32).join(''))) data.keepAttr = false;
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Sanitises rendered markup (README, rendered text) with the allow-list; the result is safe for innerHTML. */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  escapeDisallowed(doc.body, doc);
  return purifier().sanitize(doc.body.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
}
