/** Reassignment plans, their review (approve, reject) and apply (issue 11). */
import type { RoutePlugin } from '../../platform/module.js';

export const assignRoutes: RoutePlugin = async () => {};
