/** Coverage per org node, over-cap RMs, the low-asset release list (issue 11). */
import type { RoutePlugin } from '../../platform/module.js';

export const coverageRoutes: RoutePlugin = async () => {};
