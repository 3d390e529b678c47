import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An IP allow-list entry; the default user's entries form the global list. */
@Entity({ name: 'user_ip_map' })
@Unique(['userId', 'ipAddr'])
export class UserIp {
  @PrimaryGeneratedColumn({ name: 'ip_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'ip_addr', type: 'varchar', length: 255 })
  ipAddr!: string;

  /** Kept for import compatibility; Kallithea ignores it and so does Grove. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
