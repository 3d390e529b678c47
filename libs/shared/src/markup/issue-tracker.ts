import { escapeHtml } from './escape';

/** One `issue_pat<S>` / `issue_server_link<S>` / `issue_sub<S>` family of settings (web-ui.md §3.3). */
export interface IssueTracker {
  /** Python regex syntax, as administrators write it. */
  pattern: string;
  serverLink: string;
  /** Empty: the matched text is the link text. */
  sub: string;
}

/** A family compiled to a JS RegExp, or null when the pattern is empty or invalid (such families are skipped). */
export interface CompiledIssueTracker {
  regex: RegExp;
  serverLink: string;
  sub: string;
}

/**
 * Python `re` syntax → JS: `(?P<n>…)` → `(?<n>…)`, `(?P=n)` → `\k<n>`, leading inline flags
 * `(?i)`/`(?m)`/`(?s)` → RegExp flags. Returns null when the result is not a valid JS regex.
 */
export function translatePythonRegex(pattern: string): RegExp | null {
  let source = pattern;
  let flags = 'g';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if ((f === 'i' || f === 'm' || f === 's') && !flags.includes(f)) flags += f;
  }
  source = source.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return new RegExp(source, flags + 'u');
  } catch {
    try {
      return new RegExp(source, flags);
    } catch {
      return null;
    }
  }
}

export function compileIssueTrackers(trackers: readonly IssueTracker[]): CompiledIssueTracker[] {
  const compiled: CompiledIssueTracker[] = [];
  for (const tracker of trackers) {
    if (!tracker.pattern || !tracker.serverLink) continue;
    const regex = translatePythonRegex(tracker.pattern);
    if (regex) compiled.push({ regex, serverLink: tracker.serverLink, sub: tracker.sub });
  }
  return compiled;
}

/**
 * Expands Python-style back-references (`\1`, `\g<1>`, `\g<name>`) of a match in a template.
 * Returns null on a reference the match does not have (the caller then keeps the template raw).
 */
export function expandBackReferences(template: string, match: RegExpExecArray): string | null {
  let bad = false;
  const out = template.replace(/\\g<(\w+)>|\\(\d{1,2})/g, (_all, named: string | undefined, numbered: string | undefined) => {
    const key = named ?? numbered!;
    if (/^\d+$/.test(key)) {
      if (Number(key) >= match.length) bad = true;
      return match[Number(key)] ?? '';
    }
    if (!match.groups || !(key in match.groups)) bad = true;
    return match.groups?.[key] ?? '';
  });
  return bad ? null : out;
}

/** Fills `{repo}` (full name) and `{repo_name}` (last segment) in a server link. */
export function fillRepo(link: string, repoName: string): string {
  return link.replace(/\{repo\}/g, repoName).replace(/\{repo_name\}/g, repoName.slice(repoName.lastIndexOf('/') + 1));
}

/** A piece of urlify output: plain text (not yet escaped) or finished HTML. */
export type Segment = { text: string } | { html: string };

/** Applies one family to the plain-text segments, turning matches into issue links. */
export function applyIssueTracker(segments: Segment[], tracker: CompiledIssueTracker, repoName: string): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (!('text' in segment)) {
      out.push(segment);
      continue;
    }
    const text = segment.text;
    const regex = new RegExp(tracker.regex.source, tracker.regex.flags);
    let last = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text))) {
      if (match[0] === '') {
        regex.lastIndex++;
        continue;
      }
      if (match.index > last) out.push({ text: text.slice(last, match.index) });
      const url = fillRepo(expandBackReferences(tracker.serverLink, match) ?? tracker.serverLink, repoName);
      const label = tracker.sub ? (expandBackReferences(tracker.sub, match) ?? match[0]) : match[0];
      out.push({ html: `<a class="issue-tracker-link" href="${escapeHtml(url)}">${escapeHtml(label)}</a>` });
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
  }
  return out;
}
