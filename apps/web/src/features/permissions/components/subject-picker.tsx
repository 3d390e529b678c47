import { KeyboardEvent, useId, useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { useT } from '../../../lib/i18n';
import { SubjectTypes, useUsersAndGroups } from '../api/get-users-and-groups';

/** A user or user group picked in an autocomplete. */
export interface PickedSubject {
  type: 'user' | 'user_group';
  id: number;
  name: string;
}

export const subjectKey = (subject: { type: string; id: number }) => `${subject.type}:${subject.id}`;

/**
 * Autocomplete over active users and readable user groups (`/api/v1/users-and-groups`): type,
 * then pick with the mouse or arrows + Enter. Subjects in `exclude` (by {@link subjectKey}) are not offered.
 */
export function SubjectPicker({
  types = 'users,groups',
  exclude,
  label,
  onPick,
}: {
  types?: SubjectTypes;
  exclude?: ReadonlySet<string>;
  label: string;
  onPick: (subject: PickedSubject) => void;
}) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 200);
  const result = useUsersAndGroups(query, types);

  const options: (PickedSubject & { detail: string })[] = [];
  if (query && result.data) {
    for (const u of result.data.users) {
      const full = `${u.firstname} ${u.lastname}`.trim();
      options.push({ type: 'user', id: u.id, name: u.username, detail: full });
    }
    for (const g of result.data.groups) options.push({ type: 'user_group', id: g.id, name: g.name, detail: t('permissions.userGroup') });
  }
  const offered = options.filter((o) => !exclude?.has(subjectKey(o)));
  const showList = open && query.length > 0 && text.trim().length > 0;

  const pick = (option: PickedSubject) => {
    onPick({ type: option.type, id: option.id, name: option.name });
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(offered.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = offered[active];
      if (showList && option) pick(option);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={label}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {showList && (
        <ul className="listbox" id={listId} role="listbox" aria-label={label}>
          {result.isFetching && offered.length === 0 ? (
            <li className="muted">{t('common.loading')}</li>
          ) : offered.length === 0 ? (
            <li className="muted">{t('permissions.noMatch')}</li>
          ) : (
            offered.map((option, i) => (
              <li
                key={subjectKey(option)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(option)}
              >
                <span className="type-label">{option.type === 'user' ? t('permissions.typeUser') : t('permissions.typeGroup')}</span> {option.name}
                {option.detail && <span className="muted"> {option.detail}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
