import type { Translate } from './i18n';

const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * Kallithea's age: the largest non-zero unit plus the next one ("2 days and 3 hours ago",
 * "in 5 minutes"), "just now" under a second. `short` keeps only the largest unit.
 */
export function formatAge(date: Date, now: Date, t: Translate, short = false): string {
  let seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const future = seconds < 0;
  seconds = Math.abs(seconds);
  if (seconds < 1) return t('age.justNow');
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0 || parts.length > 0) {
      if (n > 0) parts.push(t(`age.${unit}${n === 1 ? '' : 's'}` as Parameters<Translate>[0], { n }));
      rest -= n * size;
      if (parts.length > 0 && (short || parts.length === 2 || n === 0)) break;
    }
  }
  const amount = parts.length === 2 ? t('age.and', { a: parts[0]!, b: parts[1]! }) : parts[0]!;
  return t(future ? 'age.in' : 'age.ago', { amount });
}

/** `YYYY-MM-DD HH:MM:SS` in local time, for tooltips. */
export function formatExactDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
