import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An extra API key; `expires` is a Unix time in seconds, -1 = never. Expired keys stay and are refused. */
@Entity({ name: 'user_api_keys' })
export class UserApiKey {
  @PrimaryGeneratedColumn({ name: 'user_api_key_id' })
  id!: number;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'api_key', type: 'varchar', length: 255, unique: true })
  apiKey!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'double precision', default: -1 })
  expires!: number;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;

  isExpired(now = Date.now()): boolean {
    return this.expires !== -1 && this.expires * 1000 < now;
  }
}
