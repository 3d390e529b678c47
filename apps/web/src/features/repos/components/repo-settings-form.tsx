import { landingRevisionSchema, repositoryNameFormSchema, updateRepoSchema, type RepoDetail, type UpdateRepo } from '@grove/shared';
import { FormEvent, useState } from 'react';
import { FormError } from '../../../components/ui/flash';
import { firstIssue } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { parentName, shortName } from '../../../lib/paths';
import { UsernameInput } from '../../permissions/components/username-input';
import type { GroupChoice } from '../../permissions/effective';

/**
 * Only what changed goes to the server: an unchanged remote URL is shown with its password
 * hidden, so sending it back would overwrite the real one.
 */
export function repoSettingsChanges(repo: RepoDetail, values: RepoSettingsValues, fullName: string): UpdateRepo {
  const body: UpdateRepo = {};
  if (fullName !== repo.name) body.name = fullName;
  if (values.description !== repo.description) body.description = values.description;
  if (values.owner.trim() && values.owner.trim() !== repo.owner) body.owner = values.owner.trim();
  if (values.landingRevision.trim() !== repo.landingRevision) body.landingRevision = values.landingRevision.trim();
  if (values.private !== repo.private) body.private = values.private;
  if (values.enableStatistics !== repo.enableStatistics) body.enableStatistics = values.enableStatistics;
  if (values.enableDownloads !== repo.enableDownloads) body.enableDownloads = values.enableDownloads;
  if (values.cloneUri.trim() !== (repo.cloneUri ?? '')) body.cloneUri = values.cloneUri.trim() || null;
  const fields: Record<string, string> = {};
  for (const field of repo.fields) if ((values.fields[field.key] ?? '') !== field.value) fields[field.key] = values.fields[field.key] ?? '';
  if (Object.keys(fields).length) body.fields = fields;
  return body;
}

export interface RepoSettingsValues {
  name: string;
  group: string;
  description: string;
  owner: string;
  landingRevision: string;
  private: boolean;
  enableStatistics: boolean;
  enableDownloads: boolean;
  cloneUri: string;
  fields: Record<string, string>;
}

/** The repository settings tab (web-ui.md §2.8): rename/move, remote, description, owner, landing revision, flags, extra fields. */
export function RepoSettingsForm({
  repo,
  locations,
  landingChoices = [],
  submitting,
  serverError,
  onSubmit,
}: {
  repo: RepoDetail;
  /** groups the repository may be moved to, its current one included ('' = top level) */
  locations: GroupChoice[];
  /** landing revisions offered besides `rev:tip` and the current one (`branch:…`, `book:…`, `tag:…`) */
  landingChoices?: readonly string[];
  submitting: boolean;
  serverError?: string | null;
  onSubmit: (body: UpdateRepo) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<RepoSettingsValues>({
    name: shortName(repo.name),
    group: parentName(repo.name) ?? '',
    description: repo.description,
    owner: repo.owner,
    landingRevision: repo.landingRevision,
    private: repo.private,
    enableStatistics: repo.enableStatistics,
    enableDownloads: repo.enableDownloads,
    cloneUri: repo.cloneUri ?? '',
    fields: Object.fromEntries(repo.fields.map((f) => [f.key, f.value])),
  });
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof RepoSettingsValues>(key: K, value: RepoSettingsValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const segment = repositoryNameFormSchema.safeParse(values.name);
    if (!segment.success) {
      setError(`${t('common.name')}: ${segment.error.issues[0]?.message ?? ''}`);
      return;
    }
    const landing = landingRevisionSchema.safeParse(values.landingRevision.trim());
    if (!landing.success) {
      setError(`${t('repos.landingRevision')}: ${landing.error.issues[0]?.message ?? ''}`);
      return;
    }
    const fullName = values.group ? `${values.group}/${segment.data}` : segment.data;
    const parsed = updateRepoSchema.safeParse(repoSettingsChanges(repo, values, fullName));
    if (!parsed.success) {
      setError(firstIssue(parsed.error));
      return;
    }
    setError(null);
    onSubmit(parsed.data);
  };

  const checkbox = (key: 'private' | 'enableStatistics' | 'enableDownloads', label: string) => (
    <label className="checkbox">
      <input name={key} type="checkbox" checked={values[key]} onChange={(e) => set(key, e.target.checked)} />
      <span>{label}</span>
    </label>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('repos.settings')}>
      <label className="field">
        <span>{t('repos.name')}</span>
        <input name="name" value={values.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('repos.group')}</span>
        <select name="group" value={values.group} onChange={(e) => set('group', e.target.value)}>
          {locations.map((choice) => (
            <option key={choice.id ?? 'top'} value={choice.name}>
              {choice.name || t('repoGroups.topLevel')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('repos.cloneUri')}</span>
        <input name="cloneUri" value={values.cloneUri} onChange={(e) => set('cloneUri', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('repos.permanentUrl')}</span>
        <input readOnly value={`${window.location.origin}/_${repo.id}`} />
      </label>
      <label className="field">
        <span>{t('common.description')}</span>
        <textarea name="description" rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('common.owner')}</span>
        <UsernameInput name="owner" value={values.owner} onChange={(v) => set('owner', v)} />
      </label>
      <label className="field">
        <span>{t('repos.landingRevision')}</span>
        <select name="landingRevision" value={values.landingRevision} onChange={(e) => set('landingRevision', e.target.value)}>
          {[...new Set(['rev:tip', repo.landingRevision, ...landingChoices])].map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
      {checkbox('private', t('repos.private'))}
      {checkbox('enableStatistics', t('repos.enableStatistics'))}
      {checkbox('enableDownloads', t('repos.enableDownloads'))}
      {repo.fields.map((field) => (
        <label key={field.key} className="field">
          <span>{field.label || field.key}</span>
          <input name={`ex_${field.key}`} value={values.fields[field.key] ?? ''} onChange={(e) => set('fields', { ...values.fields, [field.key]: e.target.value })} />
          {field.description && <small className="muted">{field.description}</small>}
        </label>
      ))}
      <FormError message={error ?? serverError} />
      <div>
        <button type="submit" className="button primary" disabled={submitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** The landing revision choices of a repository's refs, as Kallithea offers them (branches, bookmarks, tags). */
export function landingChoicesOf(refs: { branches: { name: string }[]; bookmarks: { name: string }[]; tags: { name: string }[] } | undefined): string[] {
  if (!refs) return [];
  return [...refs.branches.map((b) => `branch:${b.name}`), ...refs.bookmarks.map((b) => `book:${b.name}`), ...refs.tags.map((tag) => `tag:${tag.name}`)];
}
