import { createRepoFieldSchema, type RepoDetail } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useAddRepoField } from '../api/add-repo-field';
import { useDeleteRepoField } from '../api/delete-repo-field';

/** Extra fields of a repository (when the site enables them): list, add, delete. Values are set on the settings tab. */
export function RepoFieldsPanel({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const add = useAddRepoField(repo.id, repo.name);
  const remove = useDeleteRepoField(repo.id, repo.name);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createRepoFieldSchema.safeParse({ key: key.trim(), label: label.trim(), description: description.trim() });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: () => {
        setKey('');
        setLabel('');
        setDescription('');
      },
    });
  };

  return (
    <div className="panel">
      {repo.fields.length === 0 ? (
        <p className="muted">{t('repos.noFields')}</p>
      ) : (
        <table className="grid" aria-label={t('repos.tabFields')}>
          <thead>
            <tr>
              <th>{t('repos.fieldLabel')}</th>
              <th>{t('repos.fieldKey')}</th>
              <th>{t('repos.fieldType')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {repo.fields.map((field) => (
              <tr key={field.key}>
                <td>{field.label}</td>
                <td>
                  <code>{field.key}</code>
                </td>
                <td>{field.type}</td>
                <td className="actions-cell">
                  <ConfirmButton label={t('common.delete')} question={t('repos.deleteFieldQuestion', { key: field.key })} onConfirm={() => remove.mutate(field.key)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={remove.error?.message} />
      <h2>{t('repos.newField')}</h2>
      <form className="form" onSubmit={submit} noValidate aria-label={t('repos.newField')}>
        <label className="field">
          <span>{t('repos.fieldKey')}</span>
          <input name="key" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('repos.fieldLabel')}</span>
          <input name="label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('common.description')}</span>
          <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <FormError message={error ?? add.error?.message} />
        <div>
          <button type="submit" className="button primary" disabled={add.isPending}>
            {t('common.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
