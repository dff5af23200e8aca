/** The nightly `stewardship` step (issue 11). */
import type { BatchStepDefinition } from '../../platform/jobs/batch-step.js';

export const stewardshipSteps: BatchStepDefinition[] = [];
