/** The nightly `stewardship` step (issue 11): every customer's stewardship state and coverage per outlet. */
import { defineStep, type BatchStepDefinition } from '../../platform/jobs/batch-step.js';
import { recordStewardship } from './record-stewardship.js';

export const stewardshipSteps: BatchStepDefinition[] = [
  defineStep({
    name: 'stewardship',
    description:
      'stewardship state of every eligible or RM-held customer (managed, idle, unmanaged, orphaned, wrong role, release) and coverage per outlet',
    after: ['tiers'],
    run: (c) => recordStewardship(c.db, c.date, c.settings.value),
  }),
];
