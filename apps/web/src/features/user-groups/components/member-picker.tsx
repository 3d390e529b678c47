import type { UserGroupMember } from '@grove/shared';
import { useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { useDebounced } from '../../../lib/use-debounced';
import { useT } from '../../../lib/i18n';
import { useUsersAndGroups } from '../../permissions/api/get-users-and-groups';

interface Person {
  id: number;
  username: string;
  firstname: string;
  lastname: string;
}

const fullName = (p: Person) => `${p.firstname} ${p.lastname}`.trim();

/**
 * Kallithea's two-list member picker: the group's members on the left, users found by a search
 * on the right; Add/Remove move people between them and "Save members" replaces the list.
 */
export function MemberPicker({
  members,
  saving,
  serverError,
  onSave,
}: {
  members: readonly UserGroupMember[];
  saving: boolean;
  serverError?: string | null;
  onSave: (userIds: number[]) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Person[]>(() => [...members]);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 200);
  const candidates = useUsersAndGroups(query, 'users');
  const inDraft = new Set(draft.map((p) => p.id));
  const available = query && candidates.data ? candidates.data.users.filter((u) => !inDraft.has(u.id)) : [];
  const original = new Set(members.map((m) => m.id));
  const changed = draft.length !== original.size || draft.some((p) => !original.has(p.id));

  return (
    <div className="member-picker">
      <section aria-label={t('userGroups.members')}>
        <h2>
          {t('userGroups.members')} ({draft.length})
        </h2>
        {draft.length === 0 ? (
          <p className="muted">{t('userGroups.noMembers')}</p>
        ) : (
          <ul className="pick-list">
            {[...draft]
              .sort((a, b) => a.username.localeCompare(b.username))
              .map((p) => (
                <li key={p.id}>
                  <span>
                    {p.username} <span className="muted">{fullName(p)}</span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('userGroups.removeMember', { name: p.username })}
                    onClick={() => setDraft((d) => d.filter((x) => x.id !== p.id))}
                  >
                    {t('common.remove')}
                  </button>
                </li>
              ))}
          </ul>
        )}
      </section>
      <section aria-label={t('userGroups.available')}>
        <h2>{t('userGroups.available')}</h2>
        <input
          type="search"
          className="quick-filter"
          aria-label={t('userGroups.searchUsers')}
          placeholder={t('userGroups.searchUsers')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {query && candidates.isFetching && available.length === 0 ? (
          <p className="muted">{t('common.loading')}</p>
        ) : query && available.length === 0 ? (
          <p className="muted">{t('permissions.noMatch')}</p>
        ) : (
          <ul className="pick-list">
            {available.map((u) => (
              <li key={u.id}>
                <span>
                  {u.username} <span className="muted">{fullName(u)}</span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('userGroups.addMember', { name: u.username })}
                  onClick={() => setDraft((d) => [...d, { id: u.id, username: u.username, firstname: u.firstname, lastname: u.lastname }])}
                >
                  {t('common.add')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="member-picker-actions">
        <FormError message={serverError} />
        <button type="button" className="button primary" disabled={saving || !changed} onClick={() => onSave(draft.map((p) => p.id))}>
          {t('userGroups.saveMembers')}
        </button>
      </div>
    </div>
  );
}
