export const namespace = 'login';

export const zh = {
  title: '提案办理系统',
  username: '用户名',
  password: '密码',
  required: '请填写',
  submit: '登录',
  or: '或',
  sso: '统一身份认证登录',
  ssoWith: '使用{{label}}登录',
  /** Why single sign-on did not sign in (the API's ?sso_error=<code>). */
  ssoError: {
    SSO_NOT_LINKED: '统一身份认证账号未关联本系统用户，请联系管理员',
    SSO_ACCOUNT_DISABLED: '统一身份认证账号关联的本系统用户已停用，请联系管理员',
    SSO_STATE_INVALID: '登录已过期或不是从本页发起，请重新登录',
    SSO_PROVIDER_REFUSED: '统一身份认证平台未完成登录（已取消或被拒绝）',
    SSO_FAILED: '暂时无法通过统一身份认证登录，请稍后再试或使用用户名和密码登录',
  },
};

export const en: typeof zh = {
  title: 'Proposal handling',
  username: 'User name',
  password: 'Password',
  required: 'Required',
  submit: 'Sign in',
  or: 'or',
  sso: 'Sign in with the unified identity platform',
  ssoWith: 'Sign in with {{label}}',
  ssoError: {
    SSO_NOT_LINKED: 'Your unified identity account is not linked to a user here: ask your administrator',
    SSO_ACCOUNT_DISABLED: 'The user your unified identity account is linked to is disabled: ask your administrator',
    SSO_STATE_INVALID: 'The sign-in expired or did not start on this page: sign in again',
    SSO_PROVIDER_REFUSED: 'The unified identity platform did not sign you in (cancelled or refused)',
    SSO_FAILED: 'Signing in with the unified identity platform failed: try later, or use your user name and password',
  },
};
