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
  imports: [JwtModule.registerAsync({ useFactory: () => ({ secret: config().jwtSecret }) })],
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
