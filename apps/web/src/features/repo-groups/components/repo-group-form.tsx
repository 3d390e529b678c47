import { createRepoGroupSchema, repoGroupNameFormSchema, updateRepoGroupSchema, type RepoGroupDto } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { parentName, shortName } from '../../../lib/paths';
import { UsernameInput } from '../../permissions/components/username-input';
import type { GroupChoice } from '../../permissions/effective';

/**
 * Create a repository group (name, parent, description, copy parent permissions) or edit one
 * (rename and/or move by changing name or parent, description, owner). The name is slugified as
 * Kallithea does; `parents` are the places the user may put it.
 */
export function RepoGroupForm({
  group,
  parents,
  initialParent = '',
  submitting,
  serverError,
  onSubmit,
}: {
  group?: RepoGroupDto;
  parents: GroupChoice[];
  /** full name of the preselected parent ('' = top level) */
  initialParent?: string;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (values: Record<string, unknown>) => void;
}) {
  const t = useT();
  const [name, setName] = useState(group ? shortName(group.name) : '');
  const [parent, setParent] = useState(group ? (parentName(group.name) ?? '') : initialParent);
  const [description, setDescription] = useState(group?.description ?? '');
  const [copyPermissions, setCopyPermissions] = useState(false);
  const [owner, setOwner] = useState(group?.owner ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const segment = repoGroupNameFormSchema.safeParse(name);
    if (!segment.success) {
      setError(`${t('common.name')}: ${segment.error.issues[0]?.message ?? ''}`);
      return;
    }
    const fullName = parent ? `${parent}/${segment.data}` : segment.data;
    const parsed = group
      ? updateRepoGroupSchema.safeParse({
          ...(fullName !== group.name ? { name: fullName } : {}),
          description,
          ...(owner.trim() && owner.trim() !== group.owner ? { owner: owner.trim() } : {}),
        })
      : createRepoGroupSchema.safeParse({ name: fullName, description, copyPermissions: parent ? copyPermissions : false });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={group ? t('repoGroups.settings') : t('repoGroups.newTitle')}>
      <label className="field">
        <span>{t('repoGroups.name')}</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('repoGroups.parent')}</span>
        <select name="parent" value={parent} onChange={(e) => setParent(e.target.value)}>
          {parents.map((choice) => (
            <option key={choice.id ?? 'top'} value={choice.name}>
              {choice.name || t('repoGroups.topLevel')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('common.description')}</span>
        <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {group ? (
        <label className="field">
          <span>{t('common.owner')}</span>
          <UsernameInput name="owner" value={owner} onChange={setOwner} />
        </label>
      ) : (
        <label className="checkbox">
          <input name="copyPermissions" type="checkbox" checked={copyPermissions} disabled={!parent} onChange={(e) => setCopyPermissions(e.target.checked)} />
          <span>{t('repoGroups.copyPermissions')}</span>
        </label>
      )}
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {group ? t('common.save') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
