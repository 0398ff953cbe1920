export const namespace = 'login';

export const zh = {
  title: '提案办理系统',
  username: '用户名',
  password: '密码',
  required: '请填写',
  submit: '登录',
};

export const en: typeof zh = {
  title: 'Proposal handling',
  username: 'User name',
  password: 'Password',
  required: 'Required',
  submit: 'Sign in',
};
