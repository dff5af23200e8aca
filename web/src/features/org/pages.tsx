import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canSeeOrg } from '../../lib/access';
import type { WebPage } from '../../lib/pages';

const OrgPage = lazy(() => import('./OrgPage'));

export const orgPages: WebPage[] = [
  {
    path: 'org',
    element: <OrgPage />,
    allow: canSeeOrg,
    nav: { key: 'org', icon: <ApartmentOutlined />, label: (t) => t('nav.org') },
  },
];
