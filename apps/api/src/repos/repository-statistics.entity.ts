import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Cached commit statistics of one repository (recomputable). */
@Entity({ name: 'statistics' })
export class RepositoryStatistics {
  @PrimaryGeneratedColumn({ name: 'stat_id' })
  id!: number;

  @Column({ name: 'repository_id', type: 'integer', unique: true })
  repositoryId!: number;

  @Column({ name: 'stat_on_revision', type: 'integer', default: 0 })
  statOnRevision!: number;

  @Column({ name: 'commit_activity', type: 'text', nullable: true })
  commitActivity!: string | null;

  @Column({ name: 'commit_activity_combined', type: 'text', nullable: true })
  commitActivityCombined!: string | null;

  @Column({ type: 'text', nullable: true })
  languages!: string | null;
}
