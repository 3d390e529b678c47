import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The built-in user that stands for anonymous visitors and is the template of every user's permissions. */
export const DEFAULT_USERNAME = 'default';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn({ name: 'user_id' })
  id!: number;

  @Column({ type: 'varchar', length: 255, unique: true })
  username!: string;

  /** bcrypt hash ($2a$/$2b$), or a legacy unsalted SHA-256 hex digest imported from Kallithea; '' = no password. */
  @Column({ type: 'varchar', length: 255 })
  password!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'boolean', default: false })
  admin!: boolean;

  @Column({ type: 'varchar', length: 255, default: '' })
  firstname!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  lastname!: string;

  @Column({ type: 'varchar', length: 255, unique: true, nullable: true })
  email!: string | null;

  @Column({ name: 'last_login', type: Date, nullable: true })
  lastLogin!: Date | null;

  @Column({ name: 'extern_type', type: 'varchar', length: 255, nullable: true })
  externType!: string | null;

  @Column({ name: 'extern_name', type: 'varchar', length: 255, nullable: true })
  externName!: string | null;

  /** The built-in API key (40 lower-case hex characters). */
  @Index()
  @Column({ name: 'api_key', type: 'varchar', length: 255 })
  apiKey!: string;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;

  @Column({ name: 'user_data', type: 'text', nullable: true })
  userData!: string | null;

  get isDefaultUser(): boolean {
    return this.username === DEFAULT_USERNAME;
  }
}
