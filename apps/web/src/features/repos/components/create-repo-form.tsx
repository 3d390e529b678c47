import { createRepoSchema, landingRevisionSchema, repositoryNameFormSchema, type CreateRepo, type SiteSettings } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import type { GroupChoice } from '../../permissions/effective';

/**
 * The new-repository form (web-ui.md §2.8): name (slugified), optional remote to import from,
 * group (only where the user may create), type, description, private, landing revision, copy
 * the group's permissions. Super-admins see the site's repository defaults preselected; for
 * others "site default" leaves the type to the server.
 */
export function CreateRepoForm({
  locations,
  initialGroup,
  defaults,
  submitting,
  serverError,
  onSubmit,
}: {
  locations: GroupChoice[];
  /** full name of the preselected group ('' = top level) */
  initialGroup: string;
  defaults?: SiteSettings;
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: CreateRepo) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [cloneUri, setCloneUri] = useState('');
  const [group, setGroup] = useState(locations.some((l) => l.name === initialGroup) ? initialGroup : (locations[0]?.name ?? ''));
  const [type, setType] = useState<string>(defaults?.defaultRepoType ?? '');
  const [description, setDescription] = useState('');
  const [isPrivate, setPrivate] = useState(defaults?.defaultRepoPrivate ?? false);
  const [landingRevision, setLandingRevision] = useState('rev:tip');
  const [copyPermissions, setCopyPermissions] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const segment = repositoryNameFormSchema.safeParse(name);
    if (!segment.success) {
      setError(`${t('common.name')}: ${segment.error.issues[0]?.message ?? ''}`);
      return;
    }
    const landing = landingRevisionSchema.safeParse(landingRevision.trim());
    if (!landing.success) {
      setError(`${t('repos.landingRevision')}: ${landing.error.issues[0]?.message ?? ''}`);
      return;
    }
    const parsed = createRepoSchema.safeParse({
      name: group ? `${group}/${segment.data}` : segment.data,
      ...(type ? { type } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      private: isPrivate,
      landingRevision: landing.data,
      ...(cloneUri.trim() ? { cloneUri: cloneUri.trim() } : {}),
      copyPermissions: group ? copyPermissions : false,
    });
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('repos.newTitle')}>
      <label className="field">
        <span>{t('repos.name')}</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('repos.cloneUri')}</span>
        <input name="cloneUri" value={cloneUri} placeholder="https://example.com/some/repo" onChange={(e) => setCloneUri(e.target.value)} />
        <small className="muted">{t('repos.cloneUriHelp')}</small>
      </label>
      <label className="field">
        <span>{t('repos.group')}</span>
        <select name="group" value={group} onChange={(e) => setGroup(e.target.value)}>
          {locations.map((choice) => (
            <option key={choice.id ?? 'top'} value={choice.name}>
              {choice.name || t('repoGroups.topLevel')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('repos.type')}</span>
        <select name="type" value={type} onChange={(e) => setType(e.target.value)}>
          {!defaults && <option value="">{t('repos.typeDefault')}</option>}
          <option value="hg">{t('repos.typeHg')}</option>
          <option value="git">{t('repos.typeGit')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('common.description')}</span>
        <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('repos.landingRevision')}</span>
        <input name="landingRevision" value={landingRevision} onChange={(e) => setLandingRevision(e.target.value)} />
      </label>
      <label className="checkbox">
        <input name="private" type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        <span>{t('repos.private')}</span>
      </label>
      <label className="checkbox">
        <input name="copyPermissions" type="checkbox" checked={copyPermissions} disabled={!group} onChange={(e) => setCopyPermissions(e.target.checked)} />
        <span>{t('repos.copyPermissions')}</span>
      </label>
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {submitting ? t('repos.creating') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
