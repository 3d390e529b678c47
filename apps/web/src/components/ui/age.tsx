import { formatAge, formatExactDate } from '../../lib/age';
import { useT } from '../../lib/i18n';

/** A relative age with the exact date as tooltip. */
export function Age({ date, short = false }: { date: string | Date; short?: boolean }) {
  const t = useT();
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return null;
  return (
    <time dateTime={value.toISOString()} title={formatExactDate(value)}>
      {formatAge(value, new Date(), t, short)}
    </time>
  );
}
