import { DomainError } from '@banli/domain';
import type { IDocumentNumberPoolRepository, PoolView } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** An issuer code such as `X工信函`: letters, digits, CJK; no brackets or spaces. */
export const ISSUER_CODE = /^[\p{L}\p{N}]{1,32}$/u;

/** Document number pools and units' issuer codes, as an admin sets them up (every change audited). */
export class DocumentNumberPoolsService {
  constructor(private readonly pools: IDocumentNumberPoolRepository) {}

  list(): Promise<PoolView[]> {
    return this.pools.list();
  }

  /** Sets where a pool starts; refused once the pool has allocated a number (409). */
  async configure(user: AuthenticatedUser, issuerCode: string, year: number, nextNumber: number): Promise<PoolView> {
    if (!ISSUER_CODE.test(issuerCode) || year < 2000 || year > 2200) {
      throw new DomainError('VALIDATION_FAILED', 'A pool is an issuer code (letters and digits) and a year 2000-2200');
    }
    return this.pools.configure(user, issuerCode, year, nextNumber);
  }

  async setIssuerCode(
    user: AuthenticatedUser,
    unitId: string,
    issuerCode: string,
  ): Promise<{ unitId: string; issuerCode: string }> {
    await this.pools.setIssuerCode(user, unitId, issuerCode);
    return { unitId, issuerCode };
  }
}
