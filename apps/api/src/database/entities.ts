import { UserLog } from '../journal/user-log.entity';
import { PERMISSION_ENTITIES } from '../permissions/permission.entities';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { RepositoryField } from '../repos/repository-field.entity';
import { RepositoryStatistics } from '../repos/repository-statistics.entity';
import { Repository } from '../repos/repository.entity';
import { Setting } from '../settings/setting.entity';
import { UiSetting } from '../settings/ui-setting.entity';
import { UserGroupMember } from '../user-groups/user-group-member.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { UserApiKey } from '../users/user-api-key.entity';
import { UserEmail } from '../users/user-email.entity';
import { UserFollowing } from '../users/user-following.entity';
import { UserIp } from '../users/user-ip.entity';
import { UserSshKey } from '../users/user-ssh-key.entity';
import { User } from '../users/user.entity';

/** Every TypeORM entity of Grove; the data source and the test harness use this one list. */
export const ENTITIES = [
  User,
  UserEmail,
  UserIp,
  UserApiKey,
  UserSshKey,
  UserFollowing,
  UserGroup,
  UserGroupMember,
  RepoGroup,
  Repository,
  RepositoryField,
  RepositoryStatistics,
  ...PERMISSION_ENTITIES,
  Setting,
  UiSetting,
  UserLog,
];
