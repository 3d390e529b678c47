import type { CurrentUser } from '@grove/shared';
import type { User } from '../users/user.entity';

export function toCurrentUser(user: User): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    admin: user.admin,
    anonymous: user.isDefaultUser,
  };
}
