/** The client events stewardship emits through the push hub (issue 11). */
import type { ClientEventSchemas } from '../../platform/module.js';

export const stewardshipEvents = {} satisfies ClientEventSchemas;
