export const namespace = 'account';

export const zh = {
  title: '修改密码',
  forced: '管理员已重置您的密码。请设置新密码后继续使用。',
  currentPassword: '当前密码',
  currentPasswordForced: '临时密码',
  newPassword: '新密码',
  confirmPassword: '再次输入新密码',
  policy: '至少 10 个字符，须包含字母和数字，不能包含用户名，不能与当前密码相同。',
  required: '请填写',
  tooShort: '至少 10 个字符',
  needsLetterAndDigit: '须包含字母和数字',
  mismatch: '两次输入的新密码不一致',
  submit: '修改密码',
  done: '密码已修改。其他设备上的登录已全部失效。',
  back: '返回',
};

export const en: typeof zh = {
  title: 'Change password',
  forced: 'An administrator reset your password. Choose a new one to go on.',
  currentPassword: 'Current password',
  currentPasswordForced: 'Temporary password',
  newPassword: 'New password',
  confirmPassword: 'New password again',
  policy:
    'At least 10 characters, with a letter and a digit, not containing your user name, and not your current password.',
  required: 'Required',
  tooShort: 'At least 10 characters',
  needsLetterAndDigit: 'Needs a letter and a digit',
  mismatch: 'The two new passwords differ',
  submit: 'Change password',
  done: 'Your password is changed. Every other session of yours has ended.',
  back: 'Back',
};
