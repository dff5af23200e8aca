import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canSeeOrg } from '../../lib/access';
import type { WebPage } from '../../lib/pages';

const CoveragePage = lazy(() => import('./CoveragePage'));
const OverCapPage = lazy(() => import('./OverCapPage'));
const ReleasePage = lazy(() => import('./ReleasePage'));

/** 管户覆盖: one menu entry (the dashboard); its lists open from its tiles (and an RM's home). */
export const stewardshipPages: WebPage[] = [
  {
    path: 'stewardship',
    element: <CoveragePage />,
    allow: canSeeOrg,
    nav: { key: 'stewardship', icon: <TeamOutlined />, label: (t) => t('nav.stewardship') },
  },
  { path: 'stewardship/over-cap', element: <OverCapPage />, allow: canSeeOrg },
  { path: 'stewardship/release', element: <ReleasePage /> },
];
