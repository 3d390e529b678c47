import { useId } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { useUsersAndGroups } from '../api/get-users-and-groups';

/** A username field that suggests active users as you type (owner and heir fields). */
export function UsernameInput({ name, value, onChange }: { name: string; value: string; onChange: (value: string) => void }) {
  const listId = useId();
  const query = useDebounced(value.trim(), 200);
  const suggestions = useUsersAndGroups(query, 'users');
  return (
    <>
      <input name={name} value={value} list={listId} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {(suggestions.data?.users ?? []).slice(0, 20).map((u) => (
          <option key={u.id} value={u.username}>
            {`${u.firstname} ${u.lastname}`.trim()}
          </option>
        ))}
      </datalist>
    </>
  );
}
