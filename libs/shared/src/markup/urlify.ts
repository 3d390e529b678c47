import { escapeHtml } from './escape';
import { applyIssueTracker, compileIssueTrackers, type IssueTracker, type Segment } from './issue-tracker';
import { META_TAG_SOURCE, renderMetaTag } from './stylify';

export interface UrlifyOptions {
  /** The repository the text belongs to: enables changeset-hash links and issue links. */
  repoName?: string;
  /** URL of a changeset page (default `/{repo}/changeset/{hash}`). */
  changesetUrl?: (hash: string) => string;
  issueTrackers?: readonly IssueTracker[];
  /** Render `[meta => tags]` (repository descriptions with the "stylify" setting on). */
  stylify?: boolean;
  /** Wrap every remaining plain-text run in a link to this URL (changelog first lines → changeset). */
  linkTarget?: string;
  /** Truncate at a word boundary to about this many characters (before rendering). */
  truncate?: number;
  /** Turn newlines into `<br/>` (default true). */
  newlines?: boolean;
}

/** A username mention: `@` at start or after a non-alphanumeric, ≥2 chars, alnum at both ends (web-ui.md §3.5). */
export const MENTION_SOURCE = String.raw`(?<![a-zA-Z0-9])@[a-zA-Z0-9][-_.a-zA-Z0-9]*[a-zA-Z0-9]`;
const URL_SOURCE = String.raw`https?://[^\s<>"'\`]+[^\s<>"'\`.,;:!?)\]]`;
const HASH_SOURCE = String.raw`(?<![\w-])[0-9a-fA-F]{12,40}(?![\w-])`;
const BOLD_SOURCE = String.raw`(?<=^|\s)\*[^*\s][^*\n]*\*`;

/** The usernames mentioned in a text (without `@`, lowercased, unique). */
export function extractMentions(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(MENTION_SOURCE, 'g'))) found.add(m[0].slice(1).toLowerCase());
  return [...found];
}

/** Cuts text at a word boundary so that it is at most about `length` characters, adding `…`. */
export function truncateWords(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return (space > length / 2 ? cut.slice(0, space) : cut) + '…';
}

/**
 * Kallithea's urlify (web-ui.md §3.2): escape, then one left-to-right pass for URLs, @mentions,
 * changeset hashes (with a repository), `*bold*` and meta tags (stylify); then issue-tracker
 * links; then optionally a link around every remaining text run; newlines become `<br/>`.
 * The result is HTML built only from escaped text and fixed tags.
 */
export function urlify(input: string, options: UrlifyOptions = {}): string {
  const text = options.truncate ? truncateWords(input, options.truncate) : input;
  const parts = [`(?<url>${URL_SOURCE})`, `(?<mention>${MENTION_SOURCE})`];
  if (options.repoName) parts.push(`(?<hash>${HASH_SOURCE})`);
  parts.push(`(?<bold>${BOLD_SOURCE})`);
  if (options.stylify) parts.push(`(?<meta>${META_TAG_SOURCE})`);
  const regex = new RegExp(parts.join('|'), 'gm');
  const changesetUrl = options.changesetUrl ?? ((hash: string) => `/${options.repoName}/changeset/${hash}`);

  let segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(regex)) {
    const g = m.groups!;
    let html: string | null = null;
    if (g['url']) html = `<a href="${escapeHtml(g['url'])}">${escapeHtml(g['url'])}</a>`;
    else if (g['mention']) html = `<b class="mention">${escapeHtml(g['mention'])}</b>`;
    else if (g['hash']) html = `<a class="changeset_hash" href="${escapeHtml(changesetUrl(g['hash']))}">${escapeHtml(g['hash'])}</a>`;
    else if (g['bold']) html = `<b>${escapeHtml(g['bold'])}</b>`;
    else if (g['meta']) html = renderMetaTag(g['meta']);
    if (html === null) continue;
    if (m.index! > last) segments.push({ text: text.slice(last, m.index) });
    segments.push({ html });
    last = m.index! + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });

  if (options.repoName) {
    for (const tracker of compileIssueTrackers(options.issueTrackers ?? [])) segments = applyIssueTracker(segments, tracker, options.repoName);
  }
  const newlines = options.newlines ?? true;
  const renderText = (t: string) => {
    const escaped = escapeHtml(t);
    return newlines ? escaped.replace(/\r?\n/g, '<br/>') : escaped;
  };
  return segments
    .map((s) => {
      if ('html' in s) return s.html;
      if (options.linkTarget && s.text.trim()) return `<a href="${escapeHtml(options.linkTarget)}">${renderText(s.text)}</a>`;
      return renderText(s.text);
    })
    .join('');
}
