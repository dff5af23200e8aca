/** Staff lists within the caller's scope (/api/staff). */
import { defineModule } from '../../platform/module.js';
import { staffRoutes } from './routes.js';

export default defineModule({ name: 'staff', routes: staffRoutes });
