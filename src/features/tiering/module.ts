/** Tiering (DOMAIN.md §2): the nightly AUM and tier steps, and `guanhu tiers export`. */
import { defineModule } from '../../platform/module.js';
import { tiersCommand } from './commands.js';
import { tieringSteps } from './steps.js';

export default defineModule({
  name: 'tiering',
  steps: tieringSteps,
  commands: () => [tiersCommand()],
});
