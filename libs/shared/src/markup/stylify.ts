import { escapeHtml } from './escape';

/** Meta tags of repository descriptions (web-ui.md §3.4), as one alternation for urlify's single pass. */
export const META_TAG_SOURCE =
  String.raw`\[(?:see|license|requires|recommends|conflicts|base|lang|language) =>\s*[^\]\n]*\]|\[[a-z]+\]`;

const SEE = /^\[see =>\s*([a-zA-Z0-9/=?&\s:.-]*)\]$/;
const LICENSE = /^\[license =>\s*([a-zA-Z0-9/=?&:.-]*)\]$/;
const REPO = /^\[(requires|recommends|conflicts|base) =>\s*([a-zA-Z0-9/-]*)\]$/;
const LANG = /^\[(?:lang|language) =>\s*([a-zA-Z/#+-]*)\]$/;
const WORD = /^\[([a-z]+)\]$/;

const label = (tag: string, inner: string) => `<div class="label label-meta" data-tag="${escapeHtml(tag)}">${inner}</div>`;

/** Renders one meta tag as HTML, or null when the text is not a valid one (then it stays text). */
export function renderMetaTag(text: string): string | null {
  let m: RegExpExecArray | null;
  if ((m = SEE.exec(text))) return label('see', `see =&gt; ${escapeHtml(m[1]!.trim())}`);
  if ((m = LICENSE.exec(text))) {
    const license = m[1]!.trim();
    return label('license', `<a href="http://www.opensource.org/licenses/${escapeHtml(license)}">${escapeHtml(license)}</a>`);
  }
  if ((m = REPO.exec(text))) return label(m[1]!, `${m[1]} =&gt; <a href="/${escapeHtml(m[2]!)}">${escapeHtml(m[2]!)}</a>`);
  if ((m = LANG.exec(text))) return label('lang', escapeHtml(m[1]!.trim()));
  if ((m = WORD.exec(text))) return label(m[1]!, escapeHtml(m[1]!));
  return null;
}
