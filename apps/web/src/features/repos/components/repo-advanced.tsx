import type { RepoDetail } from '@grove/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { parentName } from '../../../lib/paths';
import { useDeleteRepo } from '../api/delete-repo';
import { useReadableRepos, useSetPublicJournal } from '../api/repo-admin-actions';
import { useUpdateRepo } from '../api/update-repo';

/** Public journal, fork-of, counts, and deletion (with "detach forks" / "delete forks" when it has forks). */
export function RepoAdvanced({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const remove = useDeleteRepo(repo.id);
  const [forks, setForks] = useState<'detach' | 'delete'>('detach');
  const group = parentName(repo.name);

  return (
    <div className="panel">
      <dl className="facts">
        <dt>{t('repos.forkOf')}</dt>
        <dd>{repo.forkOf ? <Link to={`/${repo.forkOf.name}`}>{repo.forkOf.name}</Link> : t('repos.notAFork')}</dd>
        <dt>{t('repos.forks')}</dt>
        <dd>{repo.forks}</dd>
        <dt>{t('repos.followers')}</dt>
        <dd>{repo.followers}</dd>
        <dt>{t('repos.createdOn')}</dt>
        <dd>
          <Age date={repo.createdOn} />
        </dd>
      </dl>
      <PublicJournalToggle repo={repo} />
      <ForkOfForm repo={repo} />
      <h2>{t('repos.deleteTitle')}</h2>
      <p className="muted">{t('repos.deleteHelp')}</p>
      <ConfirmButton
        label={t('repos.delete')}
        question={t('repos.deleteQuestion', { name: repo.name })}
        disabled={remove.isPending}
        onConfirm={() =>
          remove.mutate(repo.forks > 0 ? forks : undefined, {
            onSuccess: () => navigate(group ? `/${group}` : '/', { state: { flash: t('repos.deleted', { name: repo.name }) } }),
          })
        }
      >
        {repo.forks > 0 && (
          <fieldset className="recursion">
            <legend>{t('repos.forksChoice', { count: repo.forks })}</legend>
            <label className="checkbox">
              <input type="radio" name="forks" checked={forks === 'detach'} onChange={() => setForks('detach')} />
              <span>{t('repos.detachForks')}</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="forks" checked={forks === 'delete'} onChange={() => setForks('delete')} />
              <span>{t('repos.deleteForks')}</span>
            </label>
          </fieldset>
        )}
      </ConfirmButton>
      <FormError message={remove.error?.message} />
    </div>
  );
}

function PublicJournalToggle({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const toggle = useSetPublicJournal(repo.id, repo.name);
  return (
    <>
      <h2>{t('repos.publicJournal')}</h2>
      <p className="muted">{t(repo.inPublicJournal ? 'repos.inPublicJournal' : 'repos.notInPublicJournal')}</p>
      <button type="button" className="button" disabled={toggle.isPending} onClick={() => toggle.mutate(!repo.inPublicJournal)}>
        {t(repo.inPublicJournal ? 'repos.removeFromPublicJournal' : 'repos.addToPublicJournal')}
      </button>
      <FormError message={toggle.error?.message} />
    </>
  );
}

/** "Fork of": readable repositories of the same type (filtered by name), or not a fork. */
function ForkOfForm({ repo }: { repo: RepoDetail }) {
  const t = useT();
  const update = useUpdateRepo(repo.id);
  const [filter, setFilter] = useState('');
  const [choice, setChoice] = useState(repo.forkOf ? String(repo.forkOf.id) : '');
  const candidates = useReadableRepos(filter);
  const options = (candidates.data?.items ?? []).filter((r) => r.type === repo.type && r.id !== repo.id).map((r) => ({ id: r.id, name: r.name }));
  if (repo.forkOf && !options.some((r) => r.id === repo.forkOf!.id)) options.unshift(repo.forkOf);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ forkOf: choice ? Number(choice) : null });
      }}
    >
      <h2>{t('repos.forkOf')}</h2>
      <label>
        <span>{t('repos.forkOfFilter')}</span>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      <label>
        <span>{t('repos.forkOf')}</span>
        <select value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t('repos.notAForkChoice')}</option>
          {options.map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={update.isPending}>
        {t('repos.setForkOf')}
      </button>
      <FormError message={update.error?.message} />
    </form>
  );
}
