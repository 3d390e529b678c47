import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One journal entry; names are kept so entries survive deletion of the user or repository. */
@Entity({ name: 'user_logs' })
export class UserLog {
  @PrimaryGeneratedColumn({ name: 'user_log_id' })
  id!: number;

  @Index()
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 255 })
  username!: string;

  @Index()
  @Column({ name: 'repository_id', type: 'integer', nullable: true })
  repositoryId!: number | null;

  @Column({ name: 'repository_name', type: 'varchar', length: 255, default: '' })
  repositoryName!: string;

  @Column({ name: 'user_ip', type: 'varchar', length: 255, nullable: true })
  userIp!: string | null;

  /** `<action>` or `<action>:<parameter>`. */
  @Column({ type: 'text' })
  action!: string;

  @Index()
  @Column({ name: 'action_date', type: Date })
  actionDate!: Date;
}
