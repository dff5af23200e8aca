/** Loading the bank's daily files (`guanhu import`, docs/ingest.md). */
import { defineModule } from '../../platform/module.js';
import { importCommand } from './commands.js';

export default defineModule({ name: 'ingest', commands: () => [importCommand()] });
