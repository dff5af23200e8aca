/** Loading the bank's daily files (`guanhu import`, docs/ingest.md), from the CLI or the web. */
import { defineModule } from '../../platform/module.js';
import { importCommand } from './commands.js';
import { ingestRoutes } from './routes.js';

export default defineModule({ name: 'ingest', routes: ingestRoutes, commands: () => [importCommand()] });
