import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * The user's own new password, from the user menu or, after an admin reset, before anything
 * else. The form helps with the obvious rules; the API states and enforces the policy.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation('account');
  const { user, changePassword, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const forced = !!user?.mustChangePassword;

  const onFinish = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      void message.success(t('done'));
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('title')}
        </Typography.Title>
        {forced && (
          <Alert type="warning" showIcon title={t('forced')} style={{ marginBottom: 16 }} data-testid="forced-change" />
        )}
        <ErrorAlert error={error} />
        <Form<Fields> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={forced ? t('currentPasswordForced') : t('currentPassword')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('newPassword')}
            extra={t('policy')}
            rules={[
              { required: true, message: t('required') },
              { min: 10, message: t('tooShort') },
              { pattern: /(?=.*\p{L})(?=.*\p{Nd})/u, message: t('needsLetterAndDigit') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button onClick={() => void signOut()}>{t('common:signOut')}</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('back')}</Button>
            )}
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('submit')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
