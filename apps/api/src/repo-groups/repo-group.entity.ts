import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A repository group: a directory `<root>/<name>`; `name` is the full path with `/`. */
@Entity({ name: 'groups' })
export class RepoGroup {
  @PrimaryGeneratedColumn({ name: 'group_id' })
  id!: number;

  @Column({ name: 'group_name', type: 'varchar', length: 255, unique: true })
  name!: string;

  @Index()
  @Column({ name: 'group_parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @Column({ name: 'group_description', type: 'varchar', length: 10000, default: '' })
  description!: string;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  ownerId!: number;

  @Column({ name: 'created_on', type: Date })
  createdOn!: Date;
}
