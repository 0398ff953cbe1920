import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserEntity } from '@banli/persistence';
import { newExternalIdentityRepositoryMock } from '../../../../test/support/repository-mocks';
import { type IdentityProviderClient, ProviderRefusal } from './openid-client';
import { SingleSignOnService } from './single-sign-on.service';

const SECRET = 'a-secret-for-this-spec-only-0123456789abcdef';
const ISSUER = 'https://id.example.gov.cn';

const handler: UserEntity = {
  id: 'edu-handler',
  username: 'edu-handler',
  displayName: '张老师',
  passwordHash: 'unused',
  unitId: 'education',
  roles: ['handler'],
  disabled: 0,
  tokenVersion: 3,
  mustChangePassword: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('SingleSignOnService: who the identity provider signs in', () => {
  let provider: jest.Mocked<IdentityProviderClient>;
  let identities: ReturnType<typeof newExternalIdentityRepositoryMock>;
  let auth: { issueToken: jest.Mock };
  let jwt: JwtService;
  let sut: SingleSignOnService;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    provider = {
      authorizationRequest: jest.fn().mockResolvedValue({
        url: `${ISSUER}/auth?client_id=banli`,
        state: 'the-state',
        nonce: 'the-nonce',
        codeVerifier: 'the-verifier',
      }),
      verify: jest.fn().mockResolvedValue({ issuer: ISSUER, subject: 'zhang' }),
    };
    identities = newExternalIdentityRepositoryMock();
    identities.userFor.mockImplementation(async (issuer, subject) =>
      issuer === `${ISSUER}/` && subject === 'zhang' ? handler : null,
    );
    auth = { issueToken: jest.fn().mockResolvedValue({ accessToken: 'a.b.c', expiresIn: 3600, user: {} }) };
    jwt = new JwtService({ secret: SECRET });
    sut = new SingleSignOnService(provider, '粤政易', identities, auth, jwt);
  });

  async function started(): Promise<string | undefined> {
    const { redirectTo, pending } = await sut.begin();
    expect(redirectTo).toBe(`${ISSUER}/auth?client_id=banli`);
    expect(pending).toEqual(expect.any(String));
    return pending;
  }

  it('signs a linked subject in as their user, checking what the browser started with', async () => {
    const pending = await started();
    await expect(sut.complete('?code=abc&state=the-state', pending)).resolves.toMatchObject({
      signedIn: true,
      accessToken: 'a.b.c',
    });
    expect(provider.verify).toHaveBeenCalledWith('?code=abc&state=the-state', {
      state: 'the-state',
      nonce: 'the-nonce',
      codeVerifier: 'the-verifier',
    });
    expect(auth.issueToken).toHaveBeenCalledWith(handler);
  });

  it('refuses a subject linked to nobody, and a disabled user, without a token', async () => {
    provider.verify.mockResolvedValueOnce({ issuer: ISSUER, subject: 'stranger' });
    await expect(sut.complete('?code=abc&state=the-state', await started())).resolves.toEqual({
      signedIn: false,
      refusal: 'SSO_NOT_LINKED',
    });
    identities.userFor.mockResolvedValueOnce({ ...handler, disabled: 1 });
    await expect(sut.complete('?code=abc&state=the-state', await started())).resolves.toEqual({
      signedIn: false,
      refusal: 'SSO_ACCOUNT_DISABLED',
    });
    expect(auth.issueToken).not.toHaveBeenCalled();
  });

  const pendingOf: Record<string, () => Promise<string | undefined>> = {
    none: async () => undefined,
    started,
    foreign: () =>
      new JwtService({ secret: `${SECRET}-other` }).signAsync(
        { state: 'the-state', nonce: 'n', codeVerifier: 'v' },
        { issuer: 'banli', audience: 'banli-oidc-pending' },
      ),
    session: () =>
      jwt.signAsync({ state: 'the-state', nonce: 'n', codeVerifier: 'v' }, { issuer: 'banli', audience: 'banli-api' }),
  };

  it.each([
    ['no pending sign-in', '?code=abc&state=the-state', 'none'],
    ['another state', '?code=abc&state=forged', 'started'],
    ['a pending sign-in signed with another key', '?code=abc&state=the-state', 'foreign'],
    ['a session token instead of a pending sign-in', '?code=abc&state=the-state', 'session'],
  ])('refuses %s before asking the provider', async (_what, query, which) => {
    const pending = await pendingOf[which]?.();
    await expect(sut.complete(query, pending)).resolves.toEqual({ signedIn: false, refusal: 'SSO_STATE_INVALID' });
    expect(provider.verify).not.toHaveBeenCalled();
  });

  it("tells the provider's refusal from a failure", async () => {
    provider.verify.mockRejectedValueOnce(new ProviderRefusal('access_denied'));
    await expect(sut.complete('?error=access_denied&state=the-state', await started())).resolves.toMatchObject({
      refusal: 'SSO_PROVIDER_REFUSED',
    });
    provider.verify.mockRejectedValueOnce(new Error('unexpected JWT "aud" (audience) claim value'));
    await expect(sut.complete('?code=abc&state=the-state', await started())).resolves.toMatchObject({
      refusal: 'SSO_FAILED',
    });
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    provider.authorizationRequest.mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    await expect(sut.begin()).resolves.toEqual({ redirectTo: '/login?sso_error=SSO_FAILED' });
  });

  it('offers the provider with its label, or nothing and 404 when single sign-on is not configured', async () => {
    expect(sut.providers()).toEqual({ oidc: { loginUrl: '/api/auth/oidc/login', label: '粤政易' } });
    const off = new SingleSignOnService(undefined, null, identities, auth, jwt);
    expect(off.providers()).toEqual({ oidc: null });
    await expect(off.begin()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(off.complete('?code=abc', undefined)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
