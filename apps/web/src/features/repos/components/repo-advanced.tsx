import type { RepoDetail } from '@grove/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Age } from '../../../components/ui/age';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { FormError } from '../../../components/ui/flash';
import { useT } from '../../../lib/i18n';
import { parentName } from '../../../lib/paths';
import { useDeleteRepo } from '../api/delete-repo';

/** Fork-of and counts, and deletion (with "detach forks" / "delete forks" when it has forks). */
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
