import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An SSH public key; the fingerprint is base64(SHA-256(key blob)) without padding, unique across users. */
@Entity({ name: 'user_ssh_keys' })
export class UserSshKey {
  @PrimaryGeneratedColumn({ name: 'user_ssh_key_id' })
  id!: number;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'public_key', type: 'text' })
  publicKey!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 255, unique: true })
  fingerprint!: string;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;

  @Column({ name: 'last_seen', type: Date, nullable: true })
  lastSeen!: Date | null;
}
