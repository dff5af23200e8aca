/** The history of the bank settings: every saved version with what it changed (/api/settings/history). */
import { defineModule } from '../../platform/module.js';
import { settingsRoutes } from './routes.js';

export default defineModule({ name: 'settings', routes: settingsRoutes });
