import { ReactNode, Suspense } from 'react';
import { ConfigProvider, Spin, App as AntApp } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { UnitsProvider } from './api/units';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { InboxPage } from './pages/InboxPage';
import { PublicRepliesPage, PublicReplyPage } from './pages/PublicRepliesPage';
import { ROUTES } from './pages/routes';
import type { Role } from './api/types';
import { queryClient } from './api/query';

/** The screen where users change their own password (and must, after an admin reset). */
const PASSWORD_PATH = '/password';

function Protected({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { user, checking, has } = useAuth();
  const location = useLocation();
  if (checking) return <Spin fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // After an admin reset the API answers nothing else until the password is changed.
  if (user.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  if (roles && !has(...roles)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

function Routed() {
  const extra = ROUTES.map(({ path, roles, Page }) => {
    return (
      <Route
        key={path}
        path={path}
        element={
          <Protected roles={roles}>
            <Suspense fallback={<Spin />}>
              <Page />
            </Suspense>
          </Protected>
        }
      />
    );
  });
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* 主动公开: open to anyone, no sign-in. */}
      <Route path="/public" element={<PublicRepliesPage />} />
      <Route path="/public/replies/:proposalId/:unitId/:round" element={<PublicReplyPage />} />
      <Route
        path={PASSWORD_PATH}
        element={
          <Protected>
            <ChangePasswordPage />
          </Protected>
        }
      />
      <Route
        element={
          <Protected>
            <UnitsProvider>
              <AppLayout />
            </UnitsProvider>
          </Protected>
        }
      >
        <Route index element={<InboxPage />} />
        {extra}
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

// A data router (so screens can block leaving with unsaved work: useBlocker) around the
// app's routes, which stay declared as elements in Routed.
const router = createBrowserRouter([{ path: '*', element: <Routed /> }]);

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
