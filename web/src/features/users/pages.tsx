import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Me } from '../../api/types';
import type { WebPage } from '../../lib/pages';
import { CHANGE_PASSWORD_PATH } from '../auth/session';

const LoginsPage = lazy(() => import('./LoginsPage'));
const ChangePasswordPage = lazy(() => import('./ChangePasswordPage'));

/** Login management is the administrators' (the API refuses everyone else). */
export const canManageLogins = (me: Me): boolean => me.role === 'admin';

export const userPages: WebPage[] = [
  {
    path: 'admin/logins',
    element: <LoginsPage />,
    allow: canManageLogins,
    nav: { key: 'logins', icon: <TeamOutlined />, label: (t) => t('logins.nav') },
  },
  // everyone's own password; the only page a one-time password opens
  { path: CHANGE_PASSWORD_PATH.slice(1), element: <ChangePasswordPage />, bare: true },
];
