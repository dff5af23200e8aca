import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../../platform/context.js';

// Placeholder: tier dashboard, near-threshold lists and tier settings routes (issue 3).
export const tierRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async () => {};
