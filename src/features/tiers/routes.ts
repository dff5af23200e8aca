/**
 * Tier dashboard, near-threshold lists (+ xlsx export) and tier settings. Thin: parse, call the
 * use case, shape the reply.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema, versionConflictSchema } from '../../platform/http/schemas.js';
import { getTierDashboard } from './get-tier-dashboard.js';
import { listNearThreshold } from './list-near-threshold.js';
import { exportNearThreshold } from './export-near-threshold.js';
import { getTierSettings, updateTierSettings } from './tier-settings.js';
import {
  bandParam,
  dashboardSchema,
  dateParam,
  nearThresholdSchema,
  orgIdParam,
  tierSettingsBody,
  tierSettingsSchema,
} from './schemas.js';
import { pageQuery } from '../../platform/http/schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const tierRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    '/tiers/dashboard',
    {
      schema: {
        tags: ['tiers'],
        summary: 'Tier dashboard of an org node (default: the caller’s) on a business date; org roles only',
        querystring: z.object({ orgId: orgIdParam.optional(), date: dateParam.optional() }),
        response: { 200: dashboardSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => getTierDashboard(ctx, requireActor(req), req.query),
  );

  const nearQuery = z.object({ band: bandParam, orgId: orgIdParam.optional() });

  app.get(
    '/tiers/near-threshold',
    {
      schema: {
        tags: ['tiers'],
        summary: 'Near-threshold (临界) customers of a band in the caller’s scope, smallest gap first (names masked)',
        querystring: nearQuery.merge(pageQuery()),
        response: { 200: nearThresholdSchema, 401: errorSchema },
      },
    },
    async (req) => listNearThreshold(ctx, requireActor(req), req.query),
  );

  app.get(
    '/tiers/near-threshold/export',
    {
      schema: {
        tags: ['tiers'],
        summary: 'The whole near-threshold list as an .xlsx sheet (audited)',
        querystring: nearQuery,
        produces: [XLSX],
        response: { 200: z.any().describe('the .xlsx file'), 401: errorSchema },
      },
    },
    async (req, reply) => {
      const out = await exportNearThreshold(ctx, requireActor(req), req.query, req.ip);
      return reply.type(XLSX).header('content-disposition', out.contentDisposition).send(out.body);
    },
  );

  app.get(
    '/settings/tiers',
    {
      schema: {
        tags: ['settings'],
        summary: 'Tier floors (yuan), near-threshold band, downgrade months and basis in force',
        response: { 200: tierSettingsSchema, 401: errorSchema },
      },
    },
    async (req) => {
      requireActor(req);
      return getTierSettings(ctx);
    },
  );

  app.put(
    '/settings/tiers',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Save tier settings as a new version (head office and admin; audited; applies from the next batch); 409 when the version read is no longer current',
        body: tierSettingsBody,
        response: {
          200: tierSettingsSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          409: versionConflictSchema,
        },
      },
    },
    async (req) => updateTierSettings(ctx, requireActor(req), req.body),
  );
};
