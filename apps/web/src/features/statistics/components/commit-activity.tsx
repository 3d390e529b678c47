import type { RepoStatistics } from '@grove/shared';
import { useMemo, useState } from 'react';
import { useT } from '../../../lib/i18n';
import { percentOf } from './statistics-settings-panel';

const WIDTH = 720;
const HEIGHT = 120;
const OVERVIEW_DAYS = 365;

type AuthorDay = RepoStatistics['authors'][number];

/**
 * The statistics page body (web-ui.md §3.11): progress, the commits-per-day overview of the last
 * year (click a day to move the detail there), the detail per author with checkboxes and
 * per-bar tooltips, and the file types at tip.
 */
export function CommitActivity({ stats, onRangeChange }: { stats: RepoStatistics; onRangeChange: (range: { from: string; to: string }) => void }) {
  const t = useT();
  const overview = stats.days.slice(-OVERVIEW_DAYS);
  return (
    <div className="statistics">
      <p role="status">{t('statistics.gathered', { percent: percentOf(stats.processed, stats.total) })}</p>
      {stats.days.length === 0 ? (
        <p className="muted">{t('statistics.noData')}</p>
      ) : (
        <>
          <h2>{t('statistics.overview')}</h2>
          <Bars
            label={t('statistics.overview')}
            bars={overview.map((d) => ({ key: d.day, value: d.commits, title: t('statistics.dayTooltip', { day: d.day, commits: d.commits }) }))}
            onSelect={(day) => onRangeChange({ from: shiftDay(day, -30), to: day })}
          />
          {stats.range && <RangeForm range={stats.range} onChange={onRangeChange} />}
          <AuthorDetail authors={stats.authors} />
        </>
      )}
      {stats.languages.length > 0 && (
        <>
          <h2>{t('statistics.languages')}</h2>
          <ul className="languages">
            {stats.languages.slice(0, 10).map((l) => (
              <li key={l.extension}>
                <span>{l.extension || t('statistics.noExtension')}</span> <span className="muted">{t('statistics.files', { count: l.files })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function RangeForm({ range, onChange }: { range: { from: string; to: string }; onChange: (range: { from: string; to: string }) => void }) {
  const t = useT();
  return (
    <form className="inline-form" aria-label={t('statistics.range')}>
      <label>
        <span>{t('statistics.from')}</span>
        <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && onChange({ from: e.target.value, to: range.to })} />
      </label>
      <label>
        <span>{t('statistics.to')}</span>
        <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && onChange({ from: range.from, to: e.target.value })} />
      </label>
    </form>
  );
}

/** Commits per day of the checked authors, with a checkbox and totals per author. */
export function AuthorDetail({ authors }: { authors: AuthorDay[] }) {
  const t = useT();
  const totals = useMemo(() => {
    const byAuthor = new Map<string, { commits: number; added: number; changed: number; removed: number }>();
    for (const a of authors) {
      const sum = byAuthor.get(a.author) ?? { commits: 0, added: 0, changed: 0, removed: 0 };
      byAuthor.set(a.author, { commits: sum.commits + a.commits, added: sum.added + a.added, changed: sum.changed + a.changed, removed: sum.removed + a.removed });
    }
    return [...byAuthor.entries()].sort((x, y) => y[1].commits - x[1].commits || x[0].localeCompare(y[0]));
  }, [authors]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = authors.filter((a) => !hidden.has(a.author));
  const perDay = new Map<string, AuthorDay[]>();
  for (const a of shown) perDay.set(a.day, [...(perDay.get(a.day) ?? []), a]);
  const days = [...perDay.keys()].sort();

  return (
    <section>
      <h2>{t('statistics.detail')}</h2>
      <Bars
        label={t('statistics.detail')}
        bars={days.map((day) => {
          const rows = perDay.get(day)!;
          return {
            key: day,
            value: rows.reduce((n, r) => n + r.commits, 0),
            title: [day, ...rows.map((r) => t('statistics.authorTooltip', { author: r.author, commits: r.commits, added: r.added, changed: r.changed, removed: r.removed }))].join('\n'),
          };
        })}
      />
      <table className="grid">
        <thead>
          <tr>
            <th>{t('statistics.author')}</th>
            <th>{t('statistics.commits')}</th>
            <th>{t('statistics.added')}</th>
            <th>{t('statistics.changed')}</th>
            <th>{t('statistics.removed')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map(([author, sum]) => (
            <tr key={author}>
              <td>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={!hidden.has(author)}
                    onChange={() =>
                      setHidden((before) => {
                        const next = new Set(before);
                        if (next.has(author)) next.delete(author);
                        else next.add(author);
                        return next;
                      })
                    }
                  />
                  <span>{author}</span>
                </label>
              </td>
              <td>{sum.commits}</td>
              <td>{sum.added}</td>
              <td>{sum.changed}</td>
              <td>{sum.removed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A bar per item, scaled to the largest; `<title>` gives the tooltip. */
function Bars({ label, bars, onSelect }: { label: string; bars: { key: string; value: number; title: string }[]; onSelect?: (key: string) => void }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = bars.length ? WIDTH / bars.length : WIDTH;
  return (
    <svg className="bars" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none">
      {bars.map((b, i) => {
        const h = Math.max(1, (b.value / max) * (HEIGHT - 4));
        return (
          <rect
            key={b.key}
            data-day={b.key}
            x={i * step}
            y={HEIGHT - h}
            width={Math.max(1, step - 1)}
            height={h}
            onClick={onSelect ? () => onSelect(b.key) : undefined}
            style={onSelect ? { cursor: 'pointer' } : undefined}
          >
            <title>{b.title}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}
