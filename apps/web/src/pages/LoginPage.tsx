import { Alert, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { client, ok } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { Language, setLanguage } from '../i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation('login');
  const { t: p } = useTranslation('public');
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  const ssoError = params.get('sso_error');
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: () => ok(client.GET('/api/auth/providers')) });
  const oidc = providers.data?.oidc;
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (user) return <Navigate to={from} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username, v.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380, maxWidth: 'calc(100vw - 16px)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('title')}
        </Typography.Title>
        {ssoError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="sso-error"
            style={{ marginBottom: 16 }}
            message={t(`ssoError.${ssoError}`, { defaultValue: t('ssoError.SSO_FAILED') })}
          />
        )}
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('submit')}
          </Button>
        </Form>
        {oidc && (
          <>
            <Divider plain>{t('or')}</Divider>
            {/* A navigation, not a fetch: the browser goes to the identity provider and back. */}
            <Button block href={oidc.loginUrl} data-testid="sso-sign-in">
              {oidc.label ? t('ssoWith', { label: oidc.label }) : t('sso')}
            </Button>
          </>
        )}
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public" data-testid="public-link">
            {p('linkFromLogin')}
          </Link>
        </div>
        <Space style={{ marginTop: 8, width: '100%', justifyContent: 'center' }}>
          {(['zh-CN', 'en'] as Language[]).map((l) => (
            <Button key={l} type={i18n.language === l ? 'link' : 'text'} onClick={() => setLanguage(l)}>
              {l === 'en' ? 'English' : '中文'}
            </Button>
          ))}
        </Space>
      </Card>
    </div>
  );
}
