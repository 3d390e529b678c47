import { escapeHtml, readmeRenderer } from '@grove/shared';
import { Marked } from 'marked';
import { renderRst } from './rst';
import { sanitizeHtml } from './sanitize';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** Plain text: newlines normalised, http(s) URLs linked, newlines → `<br />`. */
export function renderPlain(text: string): string {
  const escaped = escapeHtml(text.replace(/\r\n?/g, '\n'));
  return escaped.replace(/https?:\/\/[^\s<>"&]+(?:&amp;[^\s<>"&]+)*/g, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br />');
}

/** A README file rendered by its name's renderer (§3.1) and sanitised; any renderer failure falls back to plain. */
export function renderReadme(fileName: string, content: string): string {
  const kind = readmeRenderer(fileName);
  let html: string;
  try {
    html = kind === 'markdown' ? (markdown.parse(content) as string) : kind === 'rst' ? renderRst(content) : renderPlain(content);
  } catch {
    html = renderPlain(content);
  }
  return sanitizeHtml(html);
}
