/** Logins (DOMAIN.md §11): `guanhu users …`, one's own password, administrators' login management. */
import { defineModule } from '../../platform/module.js';
import { usersCommand } from './commands.js';
import { userRoutes } from './routes.js';

export default defineModule({ name: 'users', routes: userRoutes, commands: () => [usersCommand()] });
