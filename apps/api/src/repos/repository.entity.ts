import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RepoType = 'hg' | 'git';
export type RepoState = 'repo_state_created' | 'repo_state_pending' | 'repo_state_error';

/** A repository at `<root>/<name>`; `id` is also its permanent URL `/_<id>`. */
@Entity({ name: 'repositories' })
export class Repository {
  @PrimaryGeneratedColumn({ name: 'repo_id' })
  id!: number;

  @Column({ name: 'repo_name', type: 'varchar', length: 255, unique: true })
  name!: string;

  @Column({ name: 'repo_state', type: 'varchar', length: 255, default: 'repo_state_created' })
  state!: RepoState;

  /** Remote to pull from; may embed credentials, so never shown in full. */
  @Column({ name: 'clone_uri', type: 'varchar', length: 255, nullable: true })
  cloneUri!: string | null;

  @Column({ name: 'repo_type', type: 'varchar', length: 255 })
  type!: RepoType;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'boolean', default: false })
  private!: boolean;

  @Column({ name: 'statistics', type: 'boolean', default: false })
  enableStatistics!: boolean;

  @Column({ name: 'downloads', type: 'boolean', default: false })
  enableDownloads!: boolean;

  @Column({ type: 'varchar', length: 10000, default: '' })
  description!: string;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;

  @Column({ name: 'updated_on', type: Date })
  updatedOn!: Date;

  /** `<type>:<rev>`, e.g. `rev:tip`, `branch:default`, `book:<name>`, `tag:<name>`. */
  @Column({ name: 'landing_revision', type: 'varchar', length: 255, default: 'rev:tip' })
  landingRevision!: string;

  /** JSON of the tip changeset (raw_id, short_id, revision, message, date, author); a cache. */
  @Column({ name: 'changeset_cache', type: 'text', nullable: true })
  changesetCache!: string | null;

  @Index()
  @Column({ name: 'fork_id', type: 'integer', nullable: true })
  forkId!: number | null;

  @Index()
  @Column({ name: 'group_id', type: 'integer', nullable: true })
  groupId!: number | null;
}
