import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JournalService } from './journal.service';
import { UserLog } from './user-log.entity';

@Module({ imports: [TypeOrmModule.forFeature([UserLog])], providers: [JournalService], exports: [JournalService] })
export class JournalModule {}
