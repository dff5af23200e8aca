import { BarChartOutlined, RiseOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canSeeOrg } from '../../lib/access';
import type { WebPage } from '../../lib/pages';

const TierDashboardPage = lazy(() => import('./TierDashboardPage'));
const NearThresholdPage = lazy(() => import('./NearThresholdPage'));

export const tierPages: WebPage[] = [
  {
    path: 'tiers',
    element: <TierDashboardPage />,
    allow: canSeeOrg,
    nav: { key: 'tiers', icon: <BarChartOutlined />, label: (t) => t('nav.tiers') },
  },
  {
    path: 'tiers/near-threshold',
    element: <NearThresholdPage />,
    nav: { key: 'near', icon: <RiseOutlined />, label: (t) => t('nav.nearThreshold') },
  },
];
