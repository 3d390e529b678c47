import { RECURSION_MODES, type RecursionMode } from '@grove/shared';
import { useId } from 'react';
import { useT } from '../../../lib/i18n';

const LABELS = {
  none: 'permissions.recursionNone',
  repos: 'permissions.recursionRepos',
  groups: 'permissions.recursionGroups',
  all: 'permissions.recursionAll',
} as const;

/** "Apply to children" of a repo-group grant or revoke (permissions.md §9): a one-time write, not inheritance. */
export function RecursionChoice({ value, onChange }: { value: RecursionMode; onChange: (mode: RecursionMode) => void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="recursion">
      <legend>{t('permissions.applyToChildren')}</legend>
      {RECURSION_MODES.map((mode) => (
        <label key={mode} className="checkbox">
          <input type="radio" name={name} value={mode} checked={value === mode} onChange={() => onChange(mode)} />
          <span>{t(LABELS[mode])}</span>
        </label>
      ))}
      <p className="muted">{t('permissions.recursionHelp')}</p>
    </fieldset>
  );
}
