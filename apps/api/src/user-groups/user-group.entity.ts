import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A user group; inactive groups grant nothing. */
@Entity({ name: 'users_groups' })
export class UserGroup {
  @PrimaryGeneratedColumn({ name: 'users_group_id' })
  id!: number;

  @Column({ name: 'users_group_name', type: 'varchar', length: 255, unique: true })
  name!: string;

  @Column({ name: 'user_group_description', type: 'varchar', length: 10000, nullable: true })
  description!: string | null;

  @Column({ name: 'users_group_active', type: 'boolean', default: true })
  active!: boolean;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  ownerId!: number;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;

  /** JSON; `{"extern_type": "<plugin>"}` marks a group managed by an auth plugin. */
  @Column({ name: 'group_data', type: 'text', nullable: true })
  groupData!: string | null;
}
