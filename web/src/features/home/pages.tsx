import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebPage } from '../../lib/pages';

const HomePage = lazy(() => import('./HomePage'));

export const homePages: WebPage[] = [
  { path: '', element: <HomePage />, nav: { key: 'home', icon: <HomeOutlined />, label: (t) => t('nav.home') } },
];
