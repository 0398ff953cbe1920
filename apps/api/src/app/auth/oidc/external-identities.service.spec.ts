import { newExternalIdentityRepositoryMock } from '../../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../authenticated-user';
import { ExternalIdentitiesService } from './external-identities.service';

const ADMIN: AuthenticatedUser = {
  userId: 'admin',
  username: 'admin',
  displayName: '管理员',
  unitId: 'gov-office',
  roles: ['admin'],
};
const NOW = new Date('2026-12-04T08:00:00.000Z');

describe("ExternalIdentitiesService: the admin's links of the provider's subjects", () => {
  let identities: ReturnType<typeof newExternalIdentityRepositoryMock>;

  beforeEach(() => {
    identities = newExternalIdentityRepositoryMock();
  });

  it("links a subject of the configured provider by default, under the admin's name", async () => {
    const sut = new ExternalIdentitiesService(identities, 'https://id.example.gov.cn', () => NOW);
    await sut.link(ADMIN, 'zhang', 'edu-handler');
    expect(identities.link).toHaveBeenCalledWith(
      ADMIN,
      { issuer: 'https://id.example.gov.cn/', subject: 'zhang', userId: 'edu-handler' },
      NOW,
    );
    await sut.unlink(ADMIN, 'zhang', 'https://other.example.gov.cn/oidc');
    expect(identities.unlink).toHaveBeenCalledWith(ADMIN, 'https://other.example.gov.cn/oidc', 'zhang');
  });

  it('needs the issuer when single sign-on is not configured', async () => {
    const sut = new ExternalIdentitiesService(identities, undefined, () => NOW);
    await expect(sut.link(ADMIN, 'zhang', 'edu-handler')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(identities.link).not.toHaveBeenCalled();
  });
});
