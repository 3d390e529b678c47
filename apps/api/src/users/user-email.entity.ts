import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An extra e-mail address of a user (login by e-mail, matching commit authors). */
@Entity({ name: 'user_email_map' })
export class UserEmail {
  @PrimaryGeneratedColumn({ name: 'email_id' })
  id!: number;

  @Index()
  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 255, unique: true })
  email!: string;
}
