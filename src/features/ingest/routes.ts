/**
 * Imports and batch runs from the web (admin and head-office configuration roles): upload
 * contract files (multipart, original names kept) to import them in the background, follow the
 * job, download a file's rejects, run the nightly batch. One pipeline job at a time: 409 while
 * another import or batch runs, here or in another process.
 */
import { createReadStream } from 'node:fs';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/module.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema } from '../../platform/http/schemas.js';
import { AppError } from '../../platform/errors.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../../domain/enums.js';
import { JobRegistry } from './pipeline-jobs.js';
import { reserveImport, uploadAndImport } from './upload-import.js';
import { startBatch } from './batch-job.js';
import { rejectsFile } from './rejects-file.js';

const reason = z.object({
  column: z.string(),
  reason: z.string(),
  count: z.number().int(),
  value: z.string().optional(),
  cause: z.string().optional(),
});

const job = z.object({
  id: z.string(),
  kind: z.enum(['import', 'batch']),
  status: z.enum(['running', 'succeeded', 'failed']),
  phase: z.string().nullable().describe('`upload`, the file being imported, or `<date> <step>`'),
  done: z.number().describe('import: bytes read so far; batch: steps finished'),
  total: z.number().describe('import: bytes uploaded; batch: steps planned'),
  startedAt: z.string().describe('ISO 8601'),
  finishedAt: z.string().nullable(),
  startedBy: z.string(),
  message: z.string().nullable(),
  files: z.array(
    z.object({
      file: z.string(),
      kind: z.enum(IMPORT_KINDS),
      businessDate: z.string().nullable(),
      status: z.enum(IMPORT_STATUSES),
      read: z.number().int(),
      loaded: z.number().int(),
      rejected: z.number().int(),
      message: z.string().nullable(),
      topReasons: z.array(reason),
      importFileId: z.number().int().nullable(),
      rejectsAvailable: z.boolean(),
    }),
  ),
  skipped: z.array(z.string()).describe('names that are not contract files'),
  dates: z.array(z.string()),
  steps: z.array(
    z.object({ date: z.string(), name: z.string(), rows: z.number().nullable(), ms: z.number().nullable() }),
  ),
});

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema };

export const ingestRoutes: RoutePlugin = async (app, { ctx, config, steps }) => {
  const jobs = new JobRegistry();
  app.addHook('onClose', async () => jobs.settle());
  await app.register(multipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 100, fields: 10, parts: 110 },
  });

  app.post(
    '/ingest/uploads',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Upload contract files (multipart, one part per file) and import them in the background',
        description:
          'Each part keeps its file name (`<kind>.csv` or `<kind>_YYYYMMDD.csv`); any other name refuses the upload (400, details.reason `bad_file_name`). 409 while another import or batch runs.',
        consumes: ['multipart/form-data'],
        response: { 202: job, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const reserved = reserveImport(ctx, jobs, actor);
      if (!req.isMultipart()) {
        jobs.drop(reserved);
        throw new AppError('VALIDATION', 'send the files as multipart/form-data', {
          details: { reason: 'not_multipart', files: [] },
        });
      }
      const started = await uploadAndImport(ctx, jobs, actor, reserved, req.files(), {
        dataDir: config.dataDir,
        maxBytes: config.uploadMaxBytes,
        ip: req.ip,
      });
      return reply.code(202).send(started);
    },
  );

  app.post(
    '/ingest/batch',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Run the nightly batch in the background (as `guanhu batch run [--date]`)',
        body: z.object({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional()
            .describe('YYYY-MM-DD: that date and every processed date after it; absent: every loaded unprocessed date'),
        }),
        response: { 202: job, ...errors },
      },
    },
    async (req, reply) => {
      const started = await startBatch(ctx, jobs, requireActor(req), {
        date: req.body.date,
        steps,
        workers: config.batchWorkers,
        ip: req.ip,
      });
      return reply.code(202).send(started);
    },
  );

  app.get(
    '/ingest/jobs',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Imports and batch runs started from the web since the server started, newest first',
        response: { 200: z.object({ items: z.array(job) }), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      requireRole(requireActor(req), CONFIG_ROLES, 'imports');
      return { items: jobs.list() };
    },
  );

  app.get(
    '/ingest/jobs/:id',
    {
      schema: {
        tags: ['ingest'],
        summary: 'One job: its phase, progress and results so far',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: job, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      requireRole(requireActor(req), CONFIG_ROLES, 'imports');
      const j = jobs.get(req.params.id);
      if (!j) throw new AppError('NOT_FOUND', `no job ${req.params.id}`);
      return j;
    },
  );

  app.get(
    '/ingest/files/:id/rejects',
    {
      schema: {
        tags: ['ingest'],
        summary: "An imported file's rejected rows (CSV: file, line, column, value, reason)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.any().describe('the rejects CSV'), 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const f = await rejectsFile(ctx, requireActor(req), { id: req.params.id, dataDir: config.dataDir, ip: req.ip });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-length', f.bytes)
        .header('content-disposition', `attachment; filename="${f.downloadName}"`)
        .send(createReadStream(f.path));
    },
  );
};
