import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity({ name: 'users_groups_members' })
@Unique(['userGroupId', 'userId'])
export class UserGroupMember {
  @PrimaryGeneratedColumn({ name: 'users_group_member_id' })
  id!: number;

  @Column({ name: 'users_group_id', type: 'integer' })
  userGroupId!: number;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;
}
