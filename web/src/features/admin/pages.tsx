import { CloudUploadOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canConfigure } from '../../lib/access';
import type { WebPage } from '../../lib/pages';

const TierSettingsPage = lazy(() => import('./TierSettingsPage'));
const ImportsPage = lazy(() => import('./ImportsPage'));

export const adminPages: WebPage[] = [
  {
    path: 'admin/tier-settings',
    element: <TierSettingsPage />,
    allow: canConfigure,
    nav: { key: 'tierSettings', icon: <SettingOutlined />, label: (t) => t('nav.tierSettings') },
  },
  {
    path: 'admin/imports',
    element: <ImportsPage />,
    allow: canConfigure,
    nav: { key: 'imports', icon: <CloudUploadOutlined />, label: (t) => t('nav.imports') },
  },
];
