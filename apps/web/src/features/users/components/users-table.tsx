import type { UserSummary } from '@grove/shared';
import { Link } from 'react-router';
import { Age } from '../../../components/ui/age';
import { useT } from '../../../lib/i18n';

export function UsersTable({ users }: { users: UserSummary[] }) {
  const t = useT();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t('admin.users.username')}</th>
          <th>{t('admin.users.firstname')}</th>
          <th>{t('admin.users.lastname')}</th>
          <th>{t('admin.users.email')}</th>
          <th>{t('admin.users.lastLogin')}</th>
          <th>{t('admin.users.active')}</th>
          <th>{t('admin.users.admin')}</th>
          <th>{t('admin.users.authType')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              <Link to={`/_admin/users/${user.id}/edit`}>{user.username}</Link>
            </td>
            <td>{user.firstname}</td>
            <td>{user.lastname}</td>
            <td>{user.email}</td>
            <td>{user.lastLogin ? <Age date={user.lastLogin} /> : t('common.never')}</td>
            <td>{user.active ? t('common.yes') : t('common.no')}</td>
            <td>{user.admin ? t('common.yes') : t('common.no')}</td>
            <td>{user.externType ?? 'internal'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
