import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { isRmRole } from '../../api/types';
import type { WebPage } from '../../lib/pages';

const CustomerListPage = lazy(() => import('./CustomerListPage'));
const Customer360Page = lazy(() => import('./Customer360Page'));

export const customerPages: WebPage[] = [
  {
    path: 'customers',
    element: <CustomerListPage />,
    nav: {
      key: 'customers',
      icon: <TeamOutlined />,
      label: (t, me) => (isRmRole(me.role) ? t('nav.myCustomers') : t('nav.customers')),
    },
  },
  { path: 'customers/:id', element: <Customer360Page /> },
];
