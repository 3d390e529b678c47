import {
  levelInFamily,
  objectPermission,
  PERMISSION_LEVELS,
  type ObjectFamily,
  type PermissionEntry,
  type PermissionLevel,
  type RecursionMode,
} from '@grove/shared';
import { useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { RecursionChoice } from './recursion-choice';
import { PickedSubject, SubjectPicker, subjectKey } from './subject-picker';

/** One grant the editor asks for: set `subject`'s entry to `permission`. */
export interface PermissionChange {
  subject: PickedSubject;
  permission: string;
}

interface AddedRow {
  subject: PickedSubject;
  level: PermissionLevel;
}

const LEVEL_LABELS = {
  none: 'permissions.levelNone',
  read: 'permissions.levelRead',
  write: 'permissions.levelWrite',
  admin: 'permissions.levelAdmin',
} as const;

/**
 * The grants "Save" sends: stored entries whose level the draft changed, then the added rows.
 * With `everyEntry` (applying to children) every stored entry is sent, changed or not, so the
 * existing permissions are copied down too (Kallithea's form submits all rows).
 */
export function permissionChanges(
  family: ObjectFamily,
  entries: readonly PermissionEntry[],
  draft: ReadonlyMap<string, PermissionLevel>,
  added: readonly AddedRow[],
  everyEntry = false,
  canChange: (subject: { type: 'user' | 'user_group'; id: number }) => boolean = () => true,
): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const entry of entries) {
    if (!canChange(entry.subject)) continue;
    const stored = levelInFamily(entry.permission, family) ?? 'none';
    const wanted = draft.get(subjectKey(entry.subject)) ?? (everyEntry ? stored : undefined);
    if (wanted !== undefined && (everyEntry || wanted !== stored)) {
      changes.push({ subject: { type: entry.subject.type, id: entry.subject.id, name: entry.subject.name }, permission: objectPermission(family, wanted) });
    }
  }
  for (const row of added) changes.push({ subject: row.subject, permission: objectPermission(family, row.level) });
  return changes;
}

/** `default` first, then users, then user groups, each by name. */
function sortEntries(entries: readonly PermissionEntry[]): PermissionEntry[] {
  const rank = (e: PermissionEntry) => (e.subject.type === 'user' ? (e.subject.isDefault ? 0 : 1) : 2);
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.subject.name.localeCompare(b.subject.name));
}

/**
 * The permissions tab of a repository, repository group or user group: one row per entry with
 * None/Read/Write/Admin radios, revoke per row (not for `default`, which can only be set), rows
 * added through the user/user-group autocomplete, and — for repository groups — the
 * "apply to children" choice used by both Save and revoke. Rows `canChange` refuses (e.g. a group
 * admin's own entry, permissions.md §12) are shown read-only and never sent.
 */
export function PermissionEditor({
  family,
  entries,
  hideDefault = false,
  withRecursion = false,
  canChange = () => true,
  onSave,
  onRevoke,
}: {
  family: ObjectFamily;
  entries: readonly PermissionEntry[];
  /** private repositories: the default entry is ignored (permissions.md [FIX-1]), so it is not shown */
  hideDefault?: boolean;
  withRecursion?: boolean;
  /** false for entries the viewer may not change (read-only rows) */
  canChange?: (subject: { type: 'user' | 'user_group'; id: number }) => boolean;
  onSave: (changes: PermissionChange[], recursive: RecursionMode) => Promise<unknown>;
  onRevoke: (subject: PickedSubject, recursive: RecursionMode) => Promise<unknown>;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Map<string, PermissionLevel>>(new Map());
  const [added, setAdded] = useState<AddedRow[]>([]);
  const [recursive, setRecursive] = useState<RecursionMode>('none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const rows = sortEntries(entries).filter((e) => !(hideDefault && e.subject.type === 'user' && e.subject.isDefault));
  const present = new Set([...entries.map((e) => subjectKey(e.subject)), ...added.map((a) => subjectKey(a.subject))]);
  const changes = permissionChanges(family, entries, draft, added, withRecursion && recursive !== 'none', canChange);

  const run = (action: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    action().then(
      () => {
        after();
        setBusy(false);
      },
      (e: Error) => {
        setError(e.message);
        setBusy(false);
      },
    );
  };

  const save = () =>
    run(
      () => onSave(changes, recursive),
      () => {
        setDraft(new Map());
        setAdded([]);
        setSaved(true);
      },
    );

  const radios = (key: string, name: string, level: PermissionLevel, set: (level: PermissionLevel) => void, disabled = false) =>
    PERMISSION_LEVELS.map((l) => (
      <td key={l} className="radio-cell">
        <input
          type="radio"
          name={`perm-${key}`}
          aria-label={t('permissions.levelFor', { level: t(LEVEL_LABELS[l]), name })}
          checked={level === l}
          disabled={disabled}
          onChange={() => set(l)}
        />
      </td>
    ));

  const subjectCell = (subject: PickedSubject, extra?: { isDefault?: boolean; inactive?: boolean; locked?: boolean }) => (
    <td>
      <span className="type-label">{subject.type === 'user' ? t('permissions.typeUser') : t('permissions.typeGroup')}</span> {subject.name}
      {extra?.isDefault && <span className="muted"> {t('permissions.defaultHelp')}</span>}
      {extra?.locked && <span className="muted"> {t('permissions.locked')}</span>}
      {extra?.inactive && <span className="badge">{t('permissions.inactive')}</span>}
    </td>
  );

  return (
    <div className="permission-editor">
      <table className="grid perm-table" aria-label={t('permissions.title')}>
        <thead>
          <tr>
            <th>{t('permissions.subject')}</th>
            {PERMISSION_LEVELS.map((l) => (
              <th key={l} className="radio-cell">
                {t(LEVEL_LABELS[l])}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => {
            const key = subjectKey(entry.subject);
            const subject: PickedSubject = { type: entry.subject.type, id: entry.subject.id, name: entry.subject.name };
            const isDefault = entry.subject.type === 'user' && entry.subject.isDefault;
            const level = draft.get(key) ?? levelInFamily(entry.permission, family) ?? 'none';
            const locked = !canChange(entry.subject);
            return (
              <tr key={key} data-subject={key}>
                {subjectCell(subject, { isDefault, inactive: entry.subject.type === 'user_group' && !entry.subject.active, locked })}
                {radios(key, entry.subject.name, level, (l) => setDraft((d) => new Map(d).set(key, l)), locked)}
                <td className="actions-cell">
                  {!isDefault && !locked && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={t('permissions.revokeFor', { name: entry.subject.name })}
                      onClick={() => run(() => onRevoke(subject, recursive), () => undefined)}
                    >
                      {t('permissions.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {added.map((row, i) => {
            const key = subjectKey(row.subject);
            return (
              <tr key={key} className="added" data-subject={key}>
                {subjectCell(row.subject)}
                {radios(key, row.subject.name, row.level, (l) => setAdded((rows) => rows.map((r, j) => (j === i ? { ...r, level: l } : r))))}
                <td className="actions-cell">
                  <button type="button" className="button" onClick={() => setAdded((rows) => rows.filter((_, j) => j !== i))}>
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="add-row">
        <SubjectPicker
          label={t('permissions.addSubject')}
          exclude={present}
          onPick={(subject) => setAdded((rows) => [...rows, { subject, level: 'read' }])}
        />
      </div>
      {withRecursion && <RecursionChoice value={recursive} onChange={setRecursive} />}
      <FormError message={error} />
      {saved && (
        <p className="flash success" role="status">
          {t('permissions.saved')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" disabled={busy || changes.length === 0} onClick={save}>
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}

/** Sends the editor's grants one after another (each replaces one entry). */
export async function applyPermissionChanges(changes: PermissionChange[], grant: (change: PermissionChange) => Promise<unknown>): Promise<void> {
  for (const change of changes) await grant(change);
}
