/** Tier dashboard, near-threshold lists and their xlsx export, tier settings (/api/tiers). */
import { defineModule } from '../../platform/module.js';
import { tierRoutes } from './routes.js';

export default defineModule({ name: 'tiers', routes: tierRoutes });
