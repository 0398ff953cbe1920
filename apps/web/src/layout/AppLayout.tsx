import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import {
  BellOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { client, ok } from '../api/client';
import { queryClient } from '../api/query';
import { UNREAD_COUNT } from '../pages/notifications/types';
import { useAuth } from '../auth/AuthContext';
import { useUnitName } from '../api/units';
import { useCity } from '../api/people';
import { Language, setLanguage } from '../i18n';
import type { Role } from '../api/types';

const NAV: { key: string; path: string; roles?: Role[] }[] = [
  { key: 'inbox', path: '/' },
  { key: 'proposals', path: '/proposals' },
  { key: 'intake', path: '/intake', roles: ['registrar'] },
  { key: 'assignment', path: '/assignment', roles: ['assigning-officer'] },
  { key: 'dashboard', path: '/dashboard', roles: ['supervisor', 'assigning-officer'] },
  { key: 'notifications', path: '/notifications' },
  { key: 'organisation', path: '/admin/organisation', roles: ['admin'] },
  { key: 'calendar', path: '/admin/calendar', roles: ['admin'] },
  { key: 'adminSessions', path: '/admin/sessions', roles: ['admin'] },
];

/**
 * The frame of every screen: navigation by role, language, notifications, the user. On a wide
 * screen (Ant Design's `lg` breakpoint and up) the menu runs across the header; on phones and
 * tablets a menu button opens a drawer holding the navigation, the user, the language and
 * sign-out, and the header keeps only what fits on 390 px.
 */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, signOut, has } = useAuth();
  const unitName = useUnitName();
  const city = useCity();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume the wide layout.
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const unread =
    useQuery({
      queryKey: UNREAD_COUNT,
      queryFn: ({ signal }) =>
        ok(client.GET('/api/notifications', { params: { query: { unread: true, pageSize: 1 } }, signal })),
      refetchInterval: 60_000,
    }).data?.unreadCount ?? 0;

  // Counted again on every screen change, as notices come with the work the user moves to.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: UNREAD_COUNT });
    setDrawerOpen(false);
  }, [location.pathname]);

  // The browser tab names the city's government once its settings are known.
  useEffect(() => {
    if (city?.governmentName) document.title = `${t('appName')} · ${city.governmentName}`;
  }, [city?.governmentName, t]);

  const items = NAV.filter((n) => !n.roles || has(...n.roles)).map((n) => ({
    key: n.path,
    label: <Link to={n.path}>{t(`nav.${n.key}`)}</Link>,
  }));
  const selected = NAV.map((n) => n.path)
    .filter((p) => (p === '/' ? location.pathname === '/' : location.pathname.startsWith(p)))
    .slice(-1);
  const who = `${user?.displayName ?? ''} · ${unitName(user?.unitId)}`;

  const bell = (
    <Link to="/notifications" aria-label={t('nav.notifications')}>
      <Badge count={unread} size="small" data-testid="unread-badge">
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Link>
  );
  const languageItems = [
    { key: 'zh-CN', label: '中文' },
    { key: 'en', label: 'English' },
  ];

  if (narrow) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 12 }}>
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            aria-label={t('menu')}
            aria-expanded={drawerOpen}
            data-testid="nav-drawer-button"
            onClick={() => setDrawerOpen(true)}
          />
          <Typography.Title
            level={4}
            style={{ color: '#fff', margin: 0, flex: 1, minWidth: 0 }}
            ellipsis={{ tooltip: city?.governmentName }}
          >
            {t('appName')}
          </Typography.Title>
          {/* Room for a two-digit badge, which stands out to the right of the bell. */}
          <span style={{ paddingInlineEnd: 8 }}>{bell}</span>
        </Layout.Header>
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={300}
          title={t('appName')}
          styles={{ body: { padding: 0 } }}
        >
          <div data-testid="nav-drawer" style={{ display: 'flex', flexDirection: 'column', minHeight: '100%' }}>
            <div style={{ padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text type="secondary">{t('currentUser')}</Typography.Text>
              <Typography.Paragraph strong style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: who }}>
                <span data-testid="current-user">{who}</span>
              </Typography.Paragraph>
              {city?.governmentName && (
                <Typography.Text type="secondary" data-testid="government-name">
                  {city.governmentName}
                </Typography.Text>
              )}
            </div>
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={items}
              aria-label="main"
              style={{ borderInlineEnd: 0 }}
            />
            <Menu
              mode="inline"
              selectable={false}
              style={{ borderInlineEnd: 0, borderTop: '1px solid #f0f0f0', marginTop: 'auto' }}
              items={[
                {
                  key: 'language',
                  icon: <GlobalOutlined />,
                  label: t('language'),
                  children: languageItems.map((l) => ({ ...l, onClick: () => setLanguage(l.key as Language) })),
                },
                { key: 'password', icon: <KeyOutlined />, label: <Link to="/password">{t('changePassword')}</Link> },
                {
                  key: 'sign-out',
                  icon: <LogoutOutlined />,
                  label: t('signOut'),
                  danger: true,
                  onClick: () => void signOut(),
                },
              ]}
            />
          </div>
        </Drawer>
        <Layout.Content style={{ padding: 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Title>
        {city?.governmentName && (
          <Typography.Text
            style={{ color: 'rgba(255,255,255,0.75)', maxWidth: 200 }}
            ellipsis={{ tooltip: city.governmentName }}
            data-testid="government-name"
          >
            {city.governmentName}
          </Typography.Text>
        )}
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items}
          style={{ flex: 1, minWidth: 0 }}
          aria-label="main"
        />
        <Space size="middle">
          {bell}
          <Dropdown
            menu={{
              selectedKeys: [i18n.language],
              items: languageItems,
              onClick: ({ key }) => setLanguage(key as Language),
            }}
          >
            <Button type="text" icon={<GlobalOutlined />} style={{ color: '#fff' }} aria-label={t('language')}>
              {i18n.language === 'en' ? 'EN' : '中'}
            </Button>
          </Dropdown>
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: <Link to="/password">{t('changePassword')}</Link> },
                { key: 'sign-out', icon: <LogoutOutlined />, label: t('signOut'), onClick: () => void signOut() },
              ],
            }}
          >
            <Button
              type="text"
              icon={<UserOutlined />}
              style={{ color: '#fff', maxWidth: 280 }}
              data-testid="user-menu"
            >
              <Typography.Text
                style={{ color: '#fff', maxWidth: 240 }}
                ellipsis={{ tooltip: { title: who, placement: 'left' } }}
              >
                <span data-testid="current-user">{who}</span>
              </Typography.Text>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, minWidth: 0 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
