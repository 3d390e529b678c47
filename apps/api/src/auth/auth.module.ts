import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { UserApiKey } from '../users/user-api-key.entity';
import { UserEmail } from '../users/user-email.entity';
import { UserIp } from '../users/user-ip.entity';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { RequestAuthGuard } from './guards/request-auth.guard';
import { SessionCookie } from './session-cookie';
import { SessionTokens } from './session-token';
import { AnonymousStrategy } from './strategies/anonymous.strategy';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { SessionStrategy } from './strategies/session.strategy';
import { MemoryFailureCounter, RedisFailureCounter, RedisLike } from './throttle/login-throttle';
import { FAILURE_COUNTER, LoginThrottleService } from './throttle/login-throttle.service';

@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([User, UserEmail, UserApiKey, UserIp])],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionCookie,
    LoginThrottleService,
    LocalStrategy,
    ApiKeyStrategy,
    SessionStrategy,
    AnonymousStrategy,
    LocalAuthGuard,
    { provide: APP_GUARD, useClass: RequestAuthGuard },
    {
      provide: SessionTokens,
      inject: [GROVE_CONFIG],
      useFactory: (config: GroveConfig) => {
        if (!config.session.secret) throw new Error('session secret missing: call prepareDataDir() before starting the app');
        return new SessionTokens(config.session.secret);
      },
    },
    {
      provide: FAILURE_COUNTER,
      inject: [GROVE_CONFIG],
      useFactory: (config: GroveConfig) =>
        config.redisUrl
          ? new RedisFailureCounter(new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) as unknown as RedisLike)
          : new MemoryFailureCounter(),
    },
  ],
  exports: [AuthService, SessionCookie],
})
export class AuthModule {}
