import { badRequest } from '../../common/errors/domain-error';

/** A WHERE fragment over `user_logs` (alias `l`) with its named parameters. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const COLUMNS: Record<string, string> = {
  repository: 'LOWER(l.repository_name)',
  username: 'LOWER(l.username)',
  action: 'LOWER(l.action)',
  ip: 'LOWER(l.user_ip)',
};

const TOKEN = /(\w+):(\[[^\]]*\]|"[^"]*"|\S+)|"([^"]*)"|(\S+)/g;

/**
 * The journal filter of web-ui.md §3.7: `field:value` terms (repository by default) over
 * repository, username, action, ip, date; `x*`, `*x`, `*x*` or exact, case-insensitive; dates as
 * `date:YYYYMMDD` or `date:[from TO to]`; terms combined with AND (default) / OR.
 */
export function parseJournalFilter(filter: string): SqlCondition | null {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  let pendingOp: 'AND' | 'OR' | null = null;
  let n = 0;
  for (const m of filter.matchAll(TOKEN)) {
    const bare = m[4];
    if (bare === 'AND' || bare === 'OR') {
      pendingOp = bare;
      continue;
    }
    const field = m[1] !== undefined ? m[1].toLowerCase() : 'repository';
    const raw = (m[1] !== undefined ? m[2]! : (m[3] ?? bare ?? '')).replace(/^"|"$/g, '');
    const name = `f${n++}`;
    let sql: string;
    if (field === 'date') {
      const [from, to] = dateRange(raw);
      sql = `(l.action_date >= :${name}a AND l.action_date < :${name}b)`;
      params[`${name}a`] = from;
      params[`${name}b`] = to;
    } else {
      const column = COLUMNS[field];
      if (!column) throw badRequest(`Unknown journal filter field ${field}: use repository, username, action, ip or date`);
      const value = raw.toLowerCase();
      const starts = value.startsWith('*');
      const ends = value.endsWith('*') && value.length > 1;
      const core = value.replace(/^\*/, '').replace(/\*$/, '');
      if (starts || ends) {
        sql = `${column} LIKE :${name} ESCAPE '\\'`;
        params[name] = `${starts ? '%' : ''}${core.replace(/[\\%_]/g, (c) => `\\${c}`)}${ends ? '%' : ''}`;
      } else {
        sql = `${column} = :${name}`;
        params[name] = core;
      }
    }
    if (parts.length) parts.push(pendingOp ?? 'AND');
    parts.push(sql);
    pendingOp = null;
  }
  return parts.length ? { sql: `(${parts.join(' ')})`, params } : null;
}

/** `YYYYMMDD[HHMMSS]` → Date (UTC); the end of a bare day is the next midnight. */
function stamp(text: string, end: boolean): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(text.trim());
  if (!m) throw badRequest(`Bad date ${text} in the journal filter: use YYYYMMDD or YYYYMMDDHHMMSS`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0, s ?? 0));
  if (Number.isNaN(date.getTime())) throw badRequest(`Bad date ${text} in the journal filter`);
  if (end) date.setTime(date.getTime() + (h === undefined ? 86_400_000 : 1000));
  return date;
}

function dateRange(value: string): [Date, Date] {
  const range = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/i.exec(value);
  if (range) return [stamp(range[1]!, false), stamp(range[2]!, true)];
  return [stamp(value, false), stamp(value, true)];
}
