/** Admin views of the data pipeline: import files and batch runs (head office and admin). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { listBatchRuns, listImports } from './list-imports.js';
import { errorSchema, pageQuery } from '../../platform/http/schemas.js';
import { IMPORT_KINDS, IMPORT_STATUSES, RUN_STATUSES } from '../../domain/enums.js';

const date = z.string().describe('YYYY-MM-DD');
const at = z.string().describe('ISO 8601, +08:00');

const importFile = z.object({
  id: z.number().int(),
  runId: z.string(),
  fileName: z.string(),
  kind: z.enum(IMPORT_KINDS),
  businessDate: date.nullable(),
  checksum: z.string().describe('first 12 hex digits of the sha256'),
  encoding: z.string(),
  rowsRead: z.number().int(),
  rowsLoaded: z.number().int(),
  rowsRejected: z.number().int(),
  durationMs: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  message: z.string().nullable(),
  topReasons: z
    .array(
      z.object({
        column: z.string(),
        reason: z.string(),
        count: z.number().int(),
        value: z.string().optional().describe('the referenced id, when its own row was rejected earlier in the import'),
        cause: z.string().optional().describe('that earlier rejection: file, line, column and reason'),
      }),
    )
    .describe('the top three reject reasons with counts'),
  rejectsAvailable: z.boolean().describe('a rejects file to download: GET /api/ingest/files/{id}/rejects'),
  createdAt: at,
});

const batchRun = z.object({
  runId: z.string(),
  businessDate: date,
  status: z.enum(RUN_STATUSES),
  startedAt: at,
  finishedAt: at.nullable(),
  settingsVersion: z.number().int().nullable(),
  onlyStep: z.string().nullable().describe('a partial run (`batch run --only`): the step it started from'),
  steps: z.array(
    z.object({
      name: z.string(),
      rows: z.number().nullable(),
      ms: z.number().nullable(),
      detail: z.string().nullable().describe('what the step did, in English'),
      detailCode: z.string().nullable().describe('the same as a code the UI translates (batch.detail.<code>)'),
      detailParams: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
    }),
  ),
  message: z.string().nullable(),
});

export const adminRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  app.get(
    '/admin/imports',
    {
      schema: {
        tags: ['admin'],
        summary: 'Files the importer looked at, newest first',
        querystring: pageQuery(50),
        response: {
          200: z.object({
            items: z.array(importFile),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (req) => listImports(ctx, requireActor(req), req.query),
  );

  app.get(
    '/admin/batch-runs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Nightly batch runs with their steps, newest first',
        response: { 200: z.object({ items: z.array(batchRun) }), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => listBatchRuns(ctx, requireActor(req)),
  );
};
