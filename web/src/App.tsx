import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/hooks';
import type { Me } from './api/types';
import { RequireAuth, useCurrentUser } from './features/auth/session';
import LoginPage from './features/auth/LoginPage';
import AppShell from './features/shell/AppShell';
import { pages } from './modules';
import type { WebPage } from './lib/pages';
import { Loading, NotFoundPage } from './features/shell/states';

/** Pages a role cannot use answer like a missing page (the API refuses them too). */
function Gate({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const me = useCurrentUser();
  return allow(me) ? children : <NotFoundPage />;
}

const route = (p: WebPage) => {
  const element = p.allow ? <Gate allow={p.allow}>{p.element}</Gate> : p.element;
  return p.path === '' ? { index: true, element } : { path: p.path, element };
};

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      // signed-in pages outside the shell (changing a one-time password)
      ...pages
        .filter((p) => p.bare)
        .map((p) => ({ ...route(p), element: <Suspense fallback={<Loading />}>{route(p).element}</Suspense> })),
      {
        element: <AppShell />,
        children: [
          // every feature's pages (web/src/modules.ts)
          ...pages.filter((p) => !p.bare).map(route),
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
