import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A Mercurial-style configuration row: repositories root (`paths` `/`), hooks, extensions. */
@Entity({ name: 'ui' })
@Unique(['section', 'key'])
export class UiSetting {
  @PrimaryGeneratedColumn({ name: 'ui_id' })
  id!: number;

  @Column({ name: 'ui_section', type: 'varchar', length: 255 })
  section!: string;

  @Column({ name: 'ui_key', type: 'varchar', length: 255 })
  key!: string;

  @Column({ name: 'ui_value', type: 'varchar', length: 255, nullable: true })
  value!: string | null;

  @Column({ name: 'ui_active', type: 'boolean', default: true })
  active!: boolean;
}
