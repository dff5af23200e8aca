/** The data pipeline's import files and batch runs for head office and admin (/api/admin). */
import { defineModule } from '../../platform/module.js';
import { adminRoutes } from './routes.js';

export default defineModule({ name: 'admin', routes: adminRoutes });
