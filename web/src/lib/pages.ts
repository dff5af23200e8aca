/**
 * What a web feature plugs into the shell: its pages (route, who may open them) and, for some, a
 * menu entry. Each feature folder exports its pages from `pages.tsx`; web/src/modules.ts lists
 * them, and the router (App.tsx) and the menu (AppShell.tsx) are built from that list.
 */
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Me } from '../api/types';

export interface WebPage {
  /** route path under the shell, without the leading slash ('' for the home page) */
  path: string;
  element: ReactNode;
  /** signed in but outside the shell (no menu, no bell): a page that must work before anything else does */
  bare?: boolean;
  /** who may open it; others see the not-found page (the API refuses them too) */
  allow?: (me: Me) => boolean;
  /** a menu entry, in list order */
  nav?: {
    key: string;
    icon: ReactNode;
    label: (t: TFunction, me: Me) => string;
  };
}
