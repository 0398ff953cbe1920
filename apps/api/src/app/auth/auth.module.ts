import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { authConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../database/database.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LOGIN_THROTTLE } from './auth.constants';

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
    // Applied to the sign-in routes only (ThrottlerGuard there). In-memory counters: per API replica. Behind several replicas, the limit is per replica
    // (see README); a shared store can be plugged in through ThrottlerModule's storage option.
    ThrottlerModule.forRootAsync({
      useFactory: () => ({
        throttlers: [
          {
            name: LOGIN_THROTTLE,
            ttl: 60_000,
            limit: config().loginAttemptsPerMinute,
            // One count per client address for every sign-in route (login and the web session),
            // not one per route: otherwise each route would add its own allowance.
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    {
      provide: AuthService,
      inject: [REPOSITORIES, JwtService],
      useFactory: (repos: Repositories, jwt: JwtService) =>
        new AuthService(repos.directory, jwt, config().tokenTtlSeconds),
    },
    {
      provide: APP_GUARD,
      inject: [Reflector, JwtService, AuthService],
      useFactory: (reflector: Reflector, jwt: JwtService, auth: AuthService) => new AuthGuard(reflector, jwt, auth),
    },
  ],
  exports: [AuthService],
})
export class AuthModule {}
