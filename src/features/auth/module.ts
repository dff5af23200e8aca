/** Sign-in, sign-out and the current user (/api/auth). */
import { defineModule } from '../../platform/module.js';
import { authRoutes } from './routes.js';

export default defineModule({ name: 'auth', routes: authRoutes });
