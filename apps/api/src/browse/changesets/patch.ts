import type { Changeset, RepoType } from '@grove/shared';

/** `+hhmm` / `-hhmm` of a UTC offset in minutes (east positive). */
function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** RFC 2822 date in the author's own zone, as `git format-patch` writes it. */
export function rfc2822(date: { timestamp: number; offset: number }): string {
  const local = new Date((date.timestamp + date.offset * 60) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[local.getUTCDay()]}, ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offsetText(date.offset)}`;
}

/**
 * The changeset-patch text (web-ui.md §1.4): hg export header for hg, an mbox-like
 * `git format-patch` header for git, then the message and the git-style diff.
 */
export function formatPatch(type: RepoType, changeset: Changeset, diff: Buffer): Buffer {
  const message = changeset.message.replace(/\n+$/, '');
  let header: string;
  if (type === 'hg') {
    const lines = [
      '# HG changeset patch',
      `# User ${changeset.author}`,
      // hg writes the offset as seconds west of UTC
      `# Date ${changeset.date.timestamp} ${-changeset.date.offset * 60}`,
      `#      ${rfc2822(changeset.date)}`,
      `# Node ID ${changeset.rawId}`,
      ...changeset.parents.map((p) => `# Parent  ${p}`),
      message,
      '',
    ];
    header = `${lines.join('\n')}\n`;
  } else {
    const [subject, ...body] = message.split('\n');
    header = [
      `From ${changeset.rawId} Mon Sep 17 00:00:00 2001`,
      `From: ${changeset.author}`,
      `Date: ${rfc2822(changeset.authorDate)}`,
      `Subject: [PATCH] ${subject ?? ''}`,
      '',
      ...(body.join('\n').trim() ? [body.join('\n').replace(/^\n+/, ''), ''] : []),
      '---',
      '',
      '',
    ].join('\n');
  }
  return Buffer.concat([Buffer.from(header, 'utf8'), diff]);
}
