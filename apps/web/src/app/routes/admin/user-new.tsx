import type { CreateUserRequest } from '@grove/shared';
import { useNavigate } from 'react-router';
import { useCreateUser } from '../../../features/users/api/create-user';
import { UserForm } from '../../../features/users/components/user-form';
import { useT } from '../../../lib/i18n';

export function AdminUserNewRoute() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateUser();
  return (
    <section className="narrow">
      <h1>{t('admin.users.newTitle')}</h1>
      <UserForm
        submitting={create.isPending}
        serverError={create.error?.message}
        onSubmit={(values) =>
          create.mutate(values as CreateUserRequest, {
            onSuccess: (user) => navigate(`/_admin/users/${user.id}/edit`, { state: { flash: t('admin.users.created', { name: user.username }) } }),
          })
        }
      />
    </section>
  );
}
