import { oidcConfigFromEnv } from './oidc-config';

const ENV = {
  OIDC_ISSUER: 'https://id.example.gov.cn/oidc',
  OIDC_CLIENT_ID: 'banli',
  OIDC_CLIENT_SECRET: 's3cret',
  OIDC_REDIRECT_URI: 'https://banli.example.gov.cn/api/auth/oidc/callback',
};

describe('single sign-on settings', () => {
  it('is off unless OIDC_ISSUER is set', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
    expect(oidcConfigFromEnv({ OIDC_ISSUER: ' ', OIDC_CLIENT_ID: 'banli' })).toBeUndefined();
  });

  it('asks for openid (plus OIDC_SCOPES) and labels the button with OIDC_LABEL', () => {
    expect(oidcConfigFromEnv(ENV)).toEqual({
      issuer: 'https://id.example.gov.cn/oidc',
      clientId: 'banli',
      clientSecret: 's3cret',
      redirectUri: 'https://banli.example.gov.cn/api/auth/oidc/callback',
      scopes: 'openid',
      label: null,
    });
    expect(oidcConfigFromEnv({ ...ENV, OIDC_SCOPES: 'profile  email', OIDC_LABEL: '粤政易' })).toMatchObject({
      scopes: 'openid profile email',
      label: '粤政易',
    });
  });

  it.each(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'])('refuses to start without %s', (name) => {
    expect(() => oidcConfigFromEnv({ ...ENV, [name]: '' })).toThrow(name);
  });

  it('refuses plain HTTP except on localhost, and a redirect URI that is not the callback', () => {
    expect(() => oidcConfigFromEnv({ ...ENV, OIDC_ISSUER: 'http://id.example.gov.cn' })).toThrow(/https/);
    expect(() => oidcConfigFromEnv({ ...ENV, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER/);
    expect(() =>
      oidcConfigFromEnv({ ...ENV, OIDC_REDIRECT_URI: 'https://banli.example.gov.cn/api/auth/callback' }),
    ).toThrow(/OIDC_REDIRECT_URI/);
    expect(
      oidcConfigFromEnv({
        ...ENV,
        OIDC_ISSUER: 'http://127.0.0.1:4000',
        OIDC_REDIRECT_URI: 'http://localhost:3000/api/auth/oidc/callback',
      }),
    ).toMatchObject({ issuer: 'http://127.0.0.1:4000' });
  });
});
