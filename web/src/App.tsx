import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/hooks';
import type { Me } from './api/types';
import { RequireAuth, useCurrentUser } from './features/auth/session';
import LoginPage from './features/auth/LoginPage';
import AppShell, { canConfigure, canSeeOrg } from './features/shell/AppShell';
import { Loading, NotFoundPage } from './features/shell/states';

const HomePage = lazy(() => import('./features/home/HomePage'));
const CustomerListPage = lazy(() => import('./features/customers/CustomerListPage'));
const Customer360Page = lazy(() => import('./features/customers/Customer360Page'));
const OrgPage = lazy(() => import('./features/org/OrgPage'));
const TierDashboardPage = lazy(() => import('./features/tiers/TierDashboardPage'));
const NearThresholdPage = lazy(() => import('./features/tiers/NearThresholdPage'));
const TierSettingsPage = lazy(() => import('./features/admin/TierSettingsPage'));
const ImportsPage = lazy(() => import('./features/admin/ImportsPage'));

/** Pages a role cannot use answer like a missing page (the API refuses them too). */
function Gate({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const me = useCurrentUser();
  return allow(me) ? children : <NotFoundPage />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'customers', element: <CustomerListPage /> },
          { path: 'customers/:id', element: <Customer360Page /> },
          {
            path: 'org',
            element: (
              <Gate allow={canSeeOrg}>
                <OrgPage />
              </Gate>
            ),
          },
          {
            path: 'tiers',
            element: (
              <Gate allow={canSeeOrg}>
                <TierDashboardPage />
              </Gate>
            ),
          },
          { path: 'tiers/near-threshold', element: <NearThresholdPage /> },
          {
            path: 'admin/tier-settings',
            element: (
              <Gate allow={canConfigure}>
                <TierSettingsPage />
              </Gate>
            ),
          },
          {
            path: 'admin/imports',
            element: (
              <Gate allow={canConfigure}>
                <ImportsPage />
              </Gate>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

const THEME = {
  token: {
    colorPrimary: '#1f4e9c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#14325f', siderBg: '#14325f', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#14325f', darkSubMenuItemBg: '#0f2747', darkItemSelectedBg: '#1f4e9c' },
  },
};

export default function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const locale: Locale = i18n.language.startsWith('zh') ? zhCN : enUS;
  return (
    <ConfigProvider locale={locale} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<Loading />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
