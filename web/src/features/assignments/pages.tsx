import { SwapOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebPage } from '../../lib/pages';
import type { Me } from '../../api/types';

const BatchesPage = lazy(() => import('./BatchesPage'));
const BatchPage = lazy(() => import('./BatchPage'));

/** who plans and reviews reassignments (the API's ASSIGN_ROLES) */
const ASSIGN_ROLES: readonly Me['role'][] = [
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
];
export const canAssign = (me: Me): boolean => ASSIGN_ROLES.includes(me.role);

export const assignmentPages: WebPage[] = [
  {
    path: 'assignments',
    element: <BatchesPage />,
    allow: canAssign,
    nav: { key: 'assignments', icon: <SwapOutlined />, label: (t) => t('nav.assignments') },
  },
  { path: 'assignments/:id', element: <BatchPage />, allow: canAssign },
];
