import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema } from '../../platform/http/schemas.js';
import { getOrgTree } from './get-org-tree.js';
import { ORG_LEVELS } from '../../domain/enums.js';

const orgNode = z.object({
  orgId: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  name: z.string(),
  customers: z.number().int(),
  eligible: z.number().int(),
  managed: z.number().int(),
  coveragePct: z.number().nullable(),
  aum: z.string().describe('CNY, decimal with 2 decimals'),
  staff: z.number().int(),
  rms: z.number().int(),
});

export const orgRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    '/org/tree',
    {
      schema: {
        tags: ['org'],
        summary: 'The caller’s org subtree with customer, coverage, AUM and staff counts',
        response: { 200: z.object({ nodes: z.array(orgNode) }), 401: errorSchema },
      },
    },
    async (req) => getOrgTree(ctx, requireActor(req)),
  );
};
