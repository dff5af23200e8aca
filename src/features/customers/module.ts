/** Customer list, summary, 360 view and PII reveal (/api/customers). */
import { defineModule } from '../../platform/module.js';
import { customerRoutes } from './routes.js';

export default defineModule({ name: 'customers', routes: customerRoutes });
