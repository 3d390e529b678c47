import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SettingType = 'unicode' | 'str' | 'int' | 'bool' | 'list';

/** An admin-editable application setting (key/value with a type tag, as Kallithea stores them). */
@Entity({ name: 'settings' })
export class Setting {
  @PrimaryGeneratedColumn({ name: 'app_settings_id' })
  id!: number;

  @Column({ name: 'app_settings_name', type: 'varchar', length: 255, unique: true })
  name!: string;

  @Column({ name: 'app_settings_value', type: 'varchar', length: 4096, default: '' })
  value!: string;

  @Column({ name: 'app_settings_type', type: 'varchar', length: 255, default: 'unicode' })
  type!: SettingType;
}
