import { newDocumentNumberPoolRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DocumentNumberPoolsService } from './document-number-pools.service';

const ADMIN: AuthenticatedUser = {
  userId: 'admin',
  username: 'admin',
  displayName: '管理员',
  unitId: 'gov-office',
  roles: ['admin'],
};

describe('DocumentNumberPoolsService: where document numbers start', () => {
  let pools: ReturnType<typeof newDocumentNumberPoolRepositoryMock>;
  let sut: DocumentNumberPoolsService;

  beforeEach(() => {
    pools = newDocumentNumberPoolRepositoryMock();
    sut = new DocumentNumberPoolsService(pools);
  });

  it("sets a pool's next number, as the admin (the change is audited under their name)", async () => {
    pools.configure.mockResolvedValue({ issuerCode: 'X工信函', year: 2025, nextNumber: 41, allocated: 0 });
    await expect(sut.configure(ADMIN, 'X工信函', 2025, 41)).resolves.toMatchObject({ nextNumber: 41 });
    expect(pools.configure).toHaveBeenCalledWith(ADMIN, 'X工信函', 2025, 41);
  });

  it.each([
    ['an issuer code with brackets', 'X工信函〔', 2025],
    ['an issuer code with a space', 'X 工信函', 2025],
    ['a year before 2000', 'X工信函', 1999],
    ['a year after 2200', 'X工信函', 2201],
  ])('refuses %s', async (_what, issuerCode, year) => {
    await expect(sut.configure(ADMIN, issuerCode, year, 1)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(pools.configure).not.toHaveBeenCalled();
  });

  it("answers a unit's new issuer code", async () => {
    await expect(sut.setIssuerCode(ADMIN, 'industry-it', 'X工信函')).resolves.toEqual({
      unitId: 'industry-it',
      issuerCode: 'X工信函',
    });
    expect(pools.setIssuerCode).toHaveBeenCalledWith(ADMIN, 'industry-it', 'X工信函');
  });
});
