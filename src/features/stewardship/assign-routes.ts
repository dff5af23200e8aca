/**
 * Reassignment plans, their review (approve, reject) and apply (issue 11), under /api/stewardship.
 * Thin: zod parses, a use case runs, a zod schema shapes the answer. Outlet heads, sub-branch and
 * branch managers (their subtree), head office and admin; every other role gets 403, a batch or
 * proposal outside the caller's subtree 404.
 */
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/module.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema, pageQuery } from '../../platform/http/schemas.js';
import { applyBatch } from './apply-batch.js';
import {
  applySchema,
  approveBody,
  assignConflictSchema,
  batchDetailSchema,
  batchListQuery,
  batchListSchema,
  batchQuery,
  planBody,
  planSchema,
  policyBody,
  policySchema,
  rejectBody,
  rejectSchema,
  transferBody,
} from './assign-schemas.js';
import { exportBatchCsv, getBatch, listBatches } from './get-batch.js';
import { staffOperator } from './operator.js';
import { planBatch } from './plan-batch.js';
import { getPolicy, setPolicy } from './policy.js';
import { rejectBatch } from './reject-batch.js';
import { transferBook } from './transfer-book.js';

const tags = ['stewardship'];
const batchParams = z.object({ id: z.string().min(1).max(64) });
const orgParams = z.object({ orgId: z.string().min(1).max(32) });
const denied = { 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const assignRoutes: RoutePlugin = async (app, { ctx }) => {
  app.post(
    '/stewardship/plans',
    {
      schema: {
        tags,
        summary:
          'Plan a reassignment batch for an org subtree (customers needing an RM get an optimal proposal); applies at once under an auto_apply policy',
        body: planBody,
        response: { 201: planSchema, 400: errorSchema, ...denied, 409: assignConflictSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await planBatch(ctx, staffOperator(requireActor(req), req.ip), req.body)),
  );

  app.post(
    '/stewardship/transfers',
    {
      schema: {
        tags,
        summary: 'Plan the transfer of a leaving RM’s book through the same solver (the RM is excluded)',
        body: transferBody,
        response: { 201: planSchema, 400: errorSchema, ...denied, 409: assignConflictSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await transferBook(ctx, staffOperator(requireActor(req), req.ip), req.body)),
  );

  app.get(
    '/stewardship/batches',
    {
      schema: {
        tags,
        summary: 'Reassignment batches covering my subtree, newest first',
        querystring: batchListQuery.merge(pageQuery()),
        response: { 200: batchListSchema, ...denied },
      },
    },
    async (req) => listBatches(ctx, staffOperator(requireActor(req), req.ip), req.query),
  );

  app.get(
    '/stewardship/batches/:id',
    {
      schema: {
        tags,
        summary: 'One batch: its proposals (paged) and unassigned customers of my subtree, names masked',
        params: batchParams,
        querystring: batchQuery.merge(pageQuery(50)),
        response: { 200: batchDetailSchema, ...denied },
      },
    },
    async (req) => getBatch(ctx, staffOperator(requireActor(req), req.ip), req.params.id, req.query),
  );

  app.post(
    '/stewardship/batches/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Approve pending proposals (chosen, or all of my subtree) and apply them in one transaction; 409 when stale (details name the customers, marked stale) or when an RM would pass their cap',
        params: batchParams,
        body: approveBody,
        response: { 200: applySchema, 400: errorSchema, ...denied, 409: assignConflictSchema },
      },
    },
    async (req) =>
      applyBatch(ctx, staffOperator(requireActor(req), req.ip), req.params.id, req.body.customerIds ?? 'all'),
  );

  app.post(
    '/stewardship/batches/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject pending proposals (chosen, or all of my subtree) with a reason; rejected ones never apply',
        params: batchParams,
        body: rejectBody,
        response: { 200: rejectSchema, 400: errorSchema, ...denied },
      },
    },
    async (req) => rejectBatch(ctx, staffOperator(requireActor(req), req.ip), req.params.id, req.body),
  );

  app.post(
    '/stewardship/batches/:id/apply',
    {
      schema: {
        tags,
        summary:
          'Apply the batch (as `guanhu assign apply`): undecided proposals of my subtree are approved by me; applying twice changes nothing',
        params: batchParams,
        response: { 200: applySchema, ...denied, 409: assignConflictSchema },
      },
    },
    async (req) => applyBatch(ctx, staffOperator(requireActor(req), req.ip), req.params.id, 'all'),
  );

  app.get(
    '/stewardship/batches/:id/export',
    {
      schema: {
        tags,
        summary: 'The batch’s proposals of my subtree as CSV: customer_id,from_staff_id,to_staff_id,reason (audited)',
        params: batchParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), ...denied },
      },
    },
    async (req, reply) => {
      const csv = await exportBatchCsv(ctx, staffOperator(requireActor(req), req.ip), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.id}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/stewardship/policies/:orgId',
    {
      schema: {
        tags,
        summary: 'The reassignment policy in force for an org node (its own or inherited; default approval)',
        params: orgParams,
        response: { 200: policySchema, ...denied },
      },
    },
    async (req) => getPolicy(ctx, staffOperator(requireActor(req), req.ip), req.params.orgId),
  );

  app.put(
    '/stewardship/policies/:orgId',
    {
      schema: {
        tags,
        summary: 'Set an org node’s reassignment policy: approval or auto_apply (head office and admin; audited)',
        params: orgParams,
        body: policyBody,
        response: { 200: policySchema, 400: errorSchema, ...denied },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return setPolicy(ctx, actor, staffOperator(actor, req.ip), req.params.orgId, req.body.mode);
    },
  );
};
