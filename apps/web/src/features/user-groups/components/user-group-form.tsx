import { createUserGroupSchema, updateUserGroupSchema, type UserGroupDto } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { UsernameInput } from '../../permissions/components/username-input';

/** Create or edit a user group: name, description, active (and owner when editing). */
export function UserGroupForm({
  group,
  submitting,
  serverError,
  onSubmit,
}: {
  group?: UserGroupDto;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (values: Record<string, unknown>) => void;
}) {
  const t = useT();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [active, setActive] = useState(group?.active ?? true);
  const [owner, setOwner] = useState(group?.owner ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = group
      ? updateUserGroupSchema.safeParse({ name, description, active, ...(owner.trim() && owner.trim() !== group.owner ? { owner: owner.trim() } : {}) })
      : createUserGroupSchema.safeParse({ name, description, active });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={group ? t('userGroups.settings') : t('userGroups.newTitle')}>
      <label className="field">
        <span>{t('common.name')}</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('common.description')}</span>
        <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {group && (
        <label className="field">
          <span>{t('common.owner')}</span>
          <UsernameInput name="owner" value={owner} onChange={setOwner} />
        </label>
      )}
      <label className="checkbox">
        <input name="active" type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <span>{t('userGroups.active')}</span>
      </label>
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {group ? t('common.save') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
