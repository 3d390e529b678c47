import type { RepoGroupDto } from '@grove/shared';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../../components/ui/breadcrumbs';
import { useT } from '../../../lib/i18n';
import { repoGroupEditUrl } from '../../../lib/paths';

export function RepoGroupsTable({ groups }: { groups: RepoGroupDto[] }) {
  const t = useT();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t('common.name')}</th>
          <th>{t('common.description')}</th>
          <th>{t('repoGroups.repositoryCount')}</th>
          <th>{t('common.owner')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id}>
            <td>
              <Breadcrumbs name={group.name} linkLast />
            </td>
            <td className="description">{group.description}</td>
            <td>{group.repositoryCount}</td>
            <td>{group.owner}</td>
            <td className="actions-cell">
              <Link className="button" to={repoGroupEditUrl(group.name)} aria-label={t('repoGroups.editNamed', { name: group.name })}>
                {t('common.edit')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
