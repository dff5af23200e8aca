/**
 * The composition root: every capability's module, once. The HTTP app registers their routes,
 * the batch runner orders their nightly steps, the push hub knows their client events and the
 * CLI adds their commands — all from this list. A new capability is a folder under features/
 * with a module.ts, one line here, and its migration (docs/architecture.md).
 */
import type { FeatureModule } from './platform/module.js';
import { batchSteps } from './platform/module.js';
import admin from './features/admin/module.js';
import auth from './features/auth/module.js';
import customers from './features/customers/module.js';
import health from './features/health/module.js';
import ingest from './features/ingest/module.js';
import notifications from './features/notifications/module.js';
import org from './features/org/module.js';
import settings from './features/settings/module.js';
import staff from './features/staff/module.js';
import stewardship from './features/stewardship/module.js';
import tiering from './features/tiering/module.js';
import tiers from './features/tiers/module.js';
import users from './features/users/module.js';

export const modules: readonly FeatureModule[] = [
  health,
  auth,
  users,
  customers,
  org,
  staff,
  ingest,
  tiering,
  tiers,
  settings,
  admin,
  notifications,
  stewardship,
];

/** Every module's nightly steps (the runner orders them by their `after` lists). */
export const nightlySteps = batchSteps(modules);
