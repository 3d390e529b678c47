import type { UserGroupDto } from '@grove/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

export function UserGroupsTable({ groups }: { groups: UserGroupDto[] }) {
  const t = useT();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t('common.name')}</th>
          <th>{t('common.description')}</th>
          <th>{t('userGroups.members')}</th>
          <th>{t('userGroups.active')}</th>
          <th>{t('common.owner')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id}>
            <td>
              <Link to={`/_admin/user_groups/${group.id}/edit`}>{group.name}</Link>
            </td>
            <td className="description">{group.description}</td>
            <td>{group.memberCount}</td>
            <td>{group.active ? t('common.yes') : t('common.no')}</td>
            <td>{group.owner}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
