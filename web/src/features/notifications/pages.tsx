import { lazy } from 'react';
import type { WebPage } from '../../lib/pages';

const NotificationsPage = lazy(() => import('./NotificationsPage'));

/** The inbox has no menu entry: the bell in the shell's header leads to it on every screen. */
export const notificationPages: WebPage[] = [{ path: 'notifications', element: <NotificationsPage /> }];
