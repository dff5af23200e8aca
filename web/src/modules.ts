/**
 * The web UI's composition root: every feature's pages, in menu order. The router (App.tsx) and
 * the shell's menu (AppShell.tsx) are built from this list; a new capability adds its folder's
 * `pages.tsx` here.
 */
import type { WebPage } from './lib/pages';
import { homePages } from './features/home/pages';
import { customerPages } from './features/customers/pages';
import { tierPages } from './features/tiers/pages';
import { orgPages } from './features/org/pages';
import { stewardshipPages } from './features/stewardship/pages';
import { assignmentPages } from './features/assignments/pages';
import { adminPages } from './features/admin/pages';
import { notificationPages } from './features/notifications/pages';
import { userPages } from './features/users/pages';

export const pages: WebPage[] = [
  ...homePages,
  ...customerPages,
  ...tierPages,
  ...stewardshipPages,
  ...orgPages,
  ...assignmentPages,
  ...adminPages,
  ...userPages,
  ...notificationPages,
];
