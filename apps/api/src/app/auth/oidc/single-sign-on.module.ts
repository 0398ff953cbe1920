import { Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { authConfigFromEnv, oidcConfigFromEnv } from '@banli/config';
import type { Repositories } from '@banli/persistence';
import { REPOSITORIES } from '../../database/database.module';
import { AuthService } from '../auth.service';
import { ExternalIdentitiesController } from './external-identities.controller';
import { ExternalIdentitiesService } from './external-identities.service';
import { OpenIdConnectClient } from './openid-client';
import { SingleSignOnController } from './single-sign-on.controller';
import { SingleSignOnService } from './single-sign-on.service';

const config = () => oidcConfigFromEnv();

/** Sign-in through the city's identity provider (OpenID Connect), and the admin's links of its subjects. */
@Module({
  // The pending sign-in cookie is signed with the token secret (for its own audience: see the service).
  imports: [JwtModule.registerAsync({ useFactory: () => ({ secret: authConfigFromEnv().jwtSecret }) })],
  controllers: [SingleSignOnController, ExternalIdentitiesController],
  providers: [
    {
      provide: SingleSignOnService,
      inject: [REPOSITORIES, AuthService, JwtService],
      useFactory: (repos: Repositories, auth: AuthService, jwt: JwtService) => {
        const oidc = config();
        return new SingleSignOnService(
          oidc && new OpenIdConnectClient(oidc),
          oidc?.label ?? null,
          repos.externalIdentities,
          auth,
          jwt,
        );
      },
    },
    {
      provide: ExternalIdentitiesService,
      inject: [REPOSITORIES],
      useFactory: (repos: Repositories) => new ExternalIdentitiesService(repos.externalIdentities, config()?.issuer),
    },
  ],
})
export class SingleSignOnModule {}
