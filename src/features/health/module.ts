/** Liveness and database reachability (GET /api/health). */
import { defineModule } from '../../platform/module.js';
import { healthRoutes } from './routes.js';

export default defineModule({ name: 'health', routes: healthRoutes });
