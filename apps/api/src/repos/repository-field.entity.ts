import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A custom field of a repository (shown as `ex_<key>` when the site enables repository fields). */
@Entity({ name: 'repositories_fields' })
@Unique(['repositoryId', 'key'])
export class RepositoryField {
  @PrimaryGeneratedColumn({ name: 'repo_field_id' })
  id!: number;

  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Column({ name: 'field_key', type: 'varchar', length: 250 })
  key!: string;

  @Column({ name: 'field_label', type: 'varchar', length: 1024, default: '' })
  label!: string;

  @Column({ name: 'field_value', type: 'varchar', length: 10000, default: '' })
  value!: string;

  @Column({ name: 'field_desc', type: 'varchar', length: 1024, default: '' })
  description!: string;

  @Column({ name: 'field_type', type: 'varchar', length: 255, default: 'str' })
  type!: string;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;
}
