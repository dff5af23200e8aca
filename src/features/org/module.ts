/** The org tree and per-node figures (/api/org). */
import { defineModule } from '../../platform/module.js';
import { orgRoutes } from './routes.js';

export default defineModule({ name: 'org', routes: orgRoutes });
