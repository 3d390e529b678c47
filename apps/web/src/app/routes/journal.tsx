import type { JournalEntryDto } from '@grove/shared';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Age } from '../../components/ui/age';
import { Avatar } from '../../components/ui/avatar';
import { Pager } from '../../components/ui/pager';
import { QueryState } from '../../components/ui/query-state';
import { useJournal, type JournalKind } from '../../features/journal/api/get-journal';
import { useT, type Translate } from '../../lib/i18n';
import { en, type MessageKey } from '../../locales/en';
import { repoUrls } from '../../lib/repo-paths';
import { cursorRowProps, useListCursor } from '../../lib/use-list-cursor';

/** Journal entries grouped by day (newest first), then by user. */
function groupByDay(entries: JournalEntryDto[]): [string, [string, JournalEntryDto[]][]][] {
  const days = new Map<string, Map<string, JournalEntryDto[]>>();
  for (const e of entries) {
    const day = e.date.slice(0, 10);
    const users = days.get(day) ?? new Map<string, JournalEntryDto[]>();
    days.set(day, users);
    users.set(e.username, [...(users.get(e.username) ?? []), e]);
  }
  return [...days].map(([day, users]) => [day, [...users]]);
}

/** The action's text; unknown actions show their name. */
function actionText(action: string, t: Translate): string {
  const key = `journal.a.${action}`;
  return key in en ? t(key as MessageKey) : action.replace(/_/g, ' ');
}

const PUSH_ACTIONS = new Set(['push', 'push_local', 'push_remote', 'pull']);

/** "and N more revisions" reveals the hashes up to this many (then "…"), as Kallithea. */
const MORE_LIMIT = 50;

function EntryText({ entry }: { entry: JournalEntryDto }) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const repo = entry.repository;
  const params = PUSH_ACTIONS.has(entry.action) ? (entry.parameter ?? '').split(',').filter(Boolean) : [];
  // `delete_branch=>x` / `tag=>x` entries of a push
  const special = params.map((p) => /^(delete_branch|tag)=>(.+)$/.exec(p)).filter((m): m is RegExpExecArray => !!m);
  const hashes = params.filter((p) => !p.includes('=>'));
  return (
    <>
      <span className="action">{actionText(entry.action, t)}</span>{' '}
      {repo ? <Link to={`/${repo.name}`}>{repo.name}</Link> : entry.repositoryName}
      {special.map((m) => (
        <span key={m[0]} className="ref-change">
          {' '}
          {m[1] === 'tag' ? t('journal.createdTag', { name: m[2]! }) : t('journal.deletedBranch', { name: m[2]! })}
        </span>
      ))}
      {hashes.length > 0 ? (
        <span className="hashes">
          {' '}
          {(expanded ? hashes.slice(0, MORE_LIMIT) : hashes.slice(0, hashes.length === 4 ? 4 : 3)).map((h) =>
            repo ? (
              <Link key={h} to={repoUrls.changeset(repo.name, h)}>
                {h.slice(0, 12)}
              </Link>
            ) : (
              <span key={h}>{h.slice(0, 12)} </span>
            ),
          )}
          {hashes.length > 4 && !expanded && (
            <>
              {' '}
              <button type="button" className="button link" aria-expanded={false} onClick={() => setExpanded(true)}>
                {t('journal.more', { n: hashes.length - 3 })}
              </button>
            </>
          )}
          {expanded && hashes.length > MORE_LIMIT && ' …'}
          {repo && hashes.length > 1 && (
            <>
              {' '}
              <Link to={repoUrls.range(repo.name, hashes[hashes.length - 1]!.slice(0, 12), hashes[0]!.slice(0, 12))}>{t('journal.compareView')}</Link>
            </>
          )}
        </span>
      ) : (
        entry.parameter && <span className="parameter"> {entry.parameter}</span>
      )}
    </>
  );
}

/** Days → users → entries; j/k walk the entries in display order, Enter opens the entry's repository. */
function JournalDays({ entries }: { entries: JournalEntryDto[] }) {
  const days = useMemo(() => groupByDay(entries), [entries]);
  const ordered = useMemo(() => days.flatMap(([, users]) => users.flatMap(([, list]) => list)), [days]);
  const urls = useMemo(() => ordered.map((e) => (e.repository ? `/${e.repository.name}` : null)), [ordered]);
  const cursor = useListCursor(true, urls, '[data-testid="journal-entry"]');
  const indexOf = new Map(ordered.map((e, i) => [e.id, i]));
  return (
    <>
      {days.map(([day, users]) => (
        <div key={day} className="journal-day">
          <h2>{day}</h2>
          {users.map(([user, list]) => (
            <div key={user} className="journal-user">
              <h3>
                <Avatar url={list[0]!.user?.avatarUrl} size={24} /> {user}
              </h3>
              <ul>
                {list.map((e) => (
                  <li key={e.id} data-testid="journal-entry" {...cursorRowProps(cursor, indexOf.get(e.id)!)}>
                    <EntryText entry={e} /> · <Age date={e.date} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

/** The admin journal: one row per entry with the IP. */
function AdminJournalTable({ entries }: { entries: JournalEntryDto[] }) {
  const t = useT();
  return (
    <table className="grid journal-admin">
      <thead>
        <tr>
          <th>{t('journal.colUser')}</th>
          <th>{t('journal.colAction')}</th>
          <th>{t('journal.colRepository')}</th>
          <th>{t('journal.colDate')}</th>
          <th>{t('journal.colIp')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="journal-entry">
            <td>{e.username}</td>
            <td>
              {actionText(e.action, t)}
              {e.parameter && <span className="parameter"> {e.parameter.length > 80 ? `${e.parameter.slice(0, 80)}…` : e.parameter}</span>}
            </td>
            <td>{e.repository ? <Link to={`/${e.repository.name}`}>{e.repository.name}</Link> : e.repositoryName}</td>
            <td>
              <Age date={e.date} />
            </td>
            <td>{e.ip ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/_admin/journal` (mine), `/_admin/public_journal`, and the admin journal `/_admin`, each with the filter of §3.7. */
export function JournalRoute({ kind }: { kind: JournalKind }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const filter = params.get('filter') ?? '';
  const [draft, setDraft] = useState(filter);
  const journal = useJournal(kind, page, filter);
  const title = kind === 'mine' ? t('journal.title') : kind === 'public' ? t('journal.publicTitle') : t('journal.adminTitle');
  return (
    <section className="journal">
      <h1>{title}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft ? { filter: draft } : {});
        }}
      >
        <input aria-label={t('journal.filter')} placeholder={t('journal.filterHelp')} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button">
          {t('common.filter')}
        </button>
      </form>
      <p>
        {kind === 'mine' && (
          <>
            <Link to="/_admin/my_account/watched">{t('journal.watched')}</Link> · <Link to="/_admin/my_account/repos">{t('journal.myRepos')}</Link> ·{' '}
          </>
        )}
        {kind !== 'admin' && (
          <>
            <a href={kind === 'mine' ? '/_admin/journal/atom' : '/_admin/public_journal/atom'}>{t('summary.atom')}</a> ·{' '}
            <a href={kind === 'mine' ? '/_admin/journal/rss' : '/_admin/public_journal/rss'}>{t('summary.rss')}</a>
          </>
        )}
      </p>
      <QueryState query={journal}>
        {(data) => (
          <>
            {data.items.length === 0 && <p>{t('journal.empty')}</p>}
            {kind === 'admin' && data.items.length > 0 && <AdminJournalTable entries={data.items} />}
            {kind !== 'admin' && <JournalDays entries={data.items} />}
            <Pager
              page={page}
              size={data.size}
              total={data.total}
              onPage={(p) => setParams(filter ? { filter, page: String(p) } : { page: String(p) })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
