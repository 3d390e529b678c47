import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A user following a repository or another user (exactly one target is set). */
@Entity({ name: 'user_followings' })
@Unique(['userId', 'followsRepositoryId'])
@Unique(['userId', 'followsUserId'])
export class UserFollowing {
  @PrimaryGeneratedColumn({ name: 'user_following_id' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Index()
  @Column({ name: 'follows_repository_id', type: 'integer', nullable: true })
  followsRepositoryId!: number | null;

  @Index()
  @Column({ name: 'follows_user_id', type: 'integer', nullable: true })
  followsUserId!: number | null;

  @Column({ name: 'follows_from', type: Date })
  followsFrom!: Date;
}
