import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { authConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SignInLimiter } from './sign-in-limiter';

const config = () => authConfigFromEnv();

@Global()
@Module({
  imports: [
    // The secret as a KeyObject: given a string, jsonwebtoken first tries to read it as a public
    // key on every verify (a thrown createPublicKey), which cost about 12% of the API's CPU under
    // the benchmark's query load.
    JwtModule.registerAsync({
      useFactory: () => ({ secret: createSecretKey(Buffer.from(config().jwtSecret, 'utf8')) }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    {
      provide: SignInLimiter,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => {
        const c = config();
        return new SignInLimiter(repos.signInAttempts, {
          attemptsPerAddressPerMinute: c.loginAttemptsPerMinute,
          failuresPerAccount: c.loginFailuresPerAccount,
          lockMinutes: c.loginLockMinutes,
        });
      },
    },
    {
      provide: AuthService,
      inject: [REPOSITORIES, SignInLimiter, JwtService],
      useFactory: (repos: Repositories, limiter: SignInLimiter, jwt: JwtService) =>
        new AuthService(repos.directory, repos.accounts, limiter, jwt, config().tokenTtlSeconds),
    },
    {
      provide: APP_GUARD,
      inject: [Reflector, AuthService],
      useFactory: (reflector: Reflector, auth: AuthService) => new AuthGuard(reflector, auth),
    },
  ],
  exports: [AuthService],
})
export class AuthModule {}
