import { DomainError } from '@banli/domain';
import type { ExternalIdentityView, IExternalIdentityRepository } from '@banli/persistence';
import type { AuthenticatedUser } from '../authenticated-user';
import { issuerKey } from './issuer-key';

/**
 * Links between the identity provider's subjects and Banli users, as an admin keeps them
 * (every change audited). The issuer defaults to the configured provider's.
 */
export class ExternalIdentitiesService {
  constructor(
    private readonly identities: IExternalIdentityRepository,
    private readonly configuredIssuer: string | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(userId?: string): Promise<ExternalIdentityView[]> {
    return this.identities.list(userId);
  }

  async link(admin: AuthenticatedUser, subject: string, userId: string, issuer?: string): Promise<ExternalIdentityView> {
    return this.identities.link(admin, { issuer: this.issuer(issuer), subject, userId }, this.clock());
  }

  async unlink(admin: AuthenticatedUser, subject: string, issuer?: string): Promise<void> {
    return this.identities.unlink(admin, this.issuer(issuer), subject);
  }

  private issuer(given: string | undefined): string {
    const issuer = given ?? this.configuredIssuer;
    if (issuer === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'Single sign-on is not configured: give the issuer', [
        { field: 'issuer', message: 'required while OIDC_ISSUER is not set' },
      ]);
    }
    try {
      return issuerKey(issuer);
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'The issuer must be a URL', [{ field: 'issuer', message: 'not a URL' }]);
    }
  }
}
