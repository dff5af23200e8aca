import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { BANDS, TIERS } from '../../domain/enums.js';
import type { AppConfig } from '../../platform/config.js';
import { CUSTOMER_SORTS, listCustomers } from './list-customers.js';
import { exportCustomers } from './export-customers.js';
import { getCustomer360 } from './get-customer-360.js';
import { revealCustomerPii } from './reveal-customer-pii.js';
import { summarizeCustomers } from './summarize-customers.js';
import { customer360Schema, customerRowSchema, customerSummarySchema, errorSchema } from './schemas.js';
import { idString, pageQuery } from '../../platform/http/schemas.js';

const idParam = z.object({ customerId: idString });

const boolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** The list's filters and order, shared by the list and its export. */
const listFilters = z.object({
  tier: z.enum(TIERS).optional(),
  band: z.enum(BANDS).optional(),
  orgId: idString.optional(),
  rmId: idString.optional(),
  q: z.string().trim().min(1).max(64).optional(),
  managed: boolParam.describe('among the eligible tiers: with (true) or without (false) an open primary RM'),
  eligible: boolParam.describe('true: only the tiers that must have a primary RM'),
  sort: z.enum(CUSTOMER_SORTS).optional().describe('column to sort by (default monthAvgAum); ties by customer number'),
  order: z.enum(['asc', 'desc']).optional().describe('default desc for money and tier, asc otherwise'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const customerRoutes: FastifyPluginAsyncZod<{ ctx: Ctx; config: AppConfig }> = async (app, { ctx, config }) => {
  app.get(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Customers in the caller’s scope, paged, sorted by month-average AUM or `sort` (names masked)',
        querystring: pageQuery().extend(listFilters.shape),
        response: {
          200: z.object({
            items: z.array(customerRowSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          401: errorSchema,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const res = await listCustomers(ctx, requireActor(req), q);
      return { ...res, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/customers/export',
    {
      schema: {
        tags: ['customers'],
        summary:
          'The whole filtered list, in its order, as an .xlsx sheet (masked, audited, row-limited); managers only',
        querystring: listFilters,
        produces: [XLSX],
        response: { 200: z.any().describe('the .xlsx file'), 401: errorSchema, 403: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      const out = await exportCustomers(ctx, requireActor(req), req.query, {
        maxRows: config.exportMaxRows,
        ip: req.ip,
      });
      return reply.type(XLSX).header('content-disposition', out.contentDisposition).send(out.body);
    },
  );

  app.get(
    '/customers/summary',
    {
      schema: {
        tags: ['customers'],
        summary:
          'Counts and AUM per tier, near-threshold bands and coverage for the caller’s scope (optionally an org node or RM)',
        querystring: z.object({
          orgId: idString.optional(),
          rmId: idString.optional(),
        }),
        response: { 200: customerSummarySchema, 401: errorSchema },
      },
    },
    async (req) => summarizeCustomers(ctx, requireActor(req), req.query),
  );

  app.get(
    '/customers/:customerId',
    {
      schema: {
        tags: ['customers'],
        summary: 'Customer 360 view; 404 when outside the caller’s scope',
        params: idParam,
        response: { 200: customer360Schema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => getCustomer360(ctx, requireActor(req), req.params.customerId),
  );

  app.post(
    '/customers/:customerId/reveal',
    {
      schema: {
        tags: ['customers'],
        summary: 'Full name, phone and ID number for the owning RM, with a reason (audited)',
        params: idParam,
        body: z.object({ reason: z.string().trim().min(2).max(200) }),
        response: {
          200: z.object({ name: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable() }),
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => revealCustomerPii(ctx, requireActor(req), req.params.customerId, req.body.reason, req.ip),
  );
};
