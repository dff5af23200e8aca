import { CloudUploadOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canConfigure } from '../../lib/access';
import type { WebPage } from '../../lib/pages';

const TierSettingsPage = lazy(() => import('./TierSettingsPage'));
const ImportsPage = lazy(() => import('./ImportsPage'));
const SettingsHistoryPage = lazy(() => import('./SettingsHistoryPage'));

export const adminPages: WebPage[] = [
  {
    path: 'admin/tier-settings',
    element: <TierSettingsPage />,
    allow: canConfigure,
    nav: { key: 'tierSettings', icon: <SettingOutlined />, label: (t) => t('nav.tierSettings') },
  },
  // no menu entry: linked from the tier settings page (and under its menu entry)
  { path: 'admin/tier-settings/history', element: <SettingsHistoryPage />, allow: canConfigure },
  {
    path: 'admin/imports',
    element: <ImportsPage />,
    allow: canConfigure,
    nav: { key: 'imports', icon: <CloudUploadOutlined />, label: (t) => t('nav.imports') },
  },
];
