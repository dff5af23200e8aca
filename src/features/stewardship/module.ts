/**
 * Stewardship (管户, DOMAIN.md §3, issue 11): the nightly state of every customer and coverage per
 * org node (steps.ts, coverage-routes.ts), and the optimal reassignment with its review and apply
 * workflow (assign-routes.ts, events.ts, commands.ts).
 */
import type { RoutePlugin } from '../../platform/module.js';
import { defineModule } from '../../platform/module.js';
import { assignRoutes } from './assign-routes.js';
import { assignCommand } from './commands.js';
import { coverageRoutes } from './coverage-routes.js';
import { stewardshipEvents } from './events.js';
import { stewardshipSteps } from './steps.js';

const routes: RoutePlugin = async (app, opts) => {
  await app.register(coverageRoutes, opts);
  await app.register(assignRoutes, opts);
};

export default defineModule({
  name: 'stewardship',
  routes,
  steps: stewardshipSteps,
  events: stewardshipEvents,
  commands: () => [assignCommand()],
});
