/**
 * Coverage per org node, over-cap RMs, the low-asset release list (with xlsx exports) and an RM's
 * book against capacity (issue 11). Thin: parse, call the use case, shape the reply.
 */
import { z } from 'zod';
import type { RoutePlugin } from '../../platform/module.js';
import { requireActor } from '../../platform/http/auth-plugin.js';
import { errorSchema, pageQuery } from '../../platform/http/schemas.js';
import { XLSX_TYPE } from '../../platform/http/xlsx-list.js';
import { exportOverCap, exportRelease } from './export-lists.js';
import { getCoverage } from './get-coverage.js';
import { getRmBook } from './get-rm-book.js';
import { listOverCap } from './list-over-cap.js';
import { listRelease } from './list-release.js';
import {
  bookSchema,
  coverageQuery,
  coverageSchema,
  orgQuery,
  overCapSchema,
  releaseSchema,
  staffParam,
} from './schemas.js';

const tags = ['stewardship'];
const xlsxReply = {
  200: z.any().describe('the .xlsx file'),
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  422: errorSchema,
};

export const coverageRoutes: RoutePlugin = async (app, { ctx, config }) => {
  const exportOpts = (ip: string) => ({ maxRows: config.exportMaxRows, ip });

  app.get(
    '/stewardship/coverage',
    {
      schema: {
        tags,
        summary: 'Coverage (有管户覆盖率) of an org node on a processed date: figures, children, trend; org roles only',
        querystring: coverageQuery,
        response: { 200: coverageSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => getCoverage(ctx, requireActor(req), req.query),
  );

  app.get(
    '/stewardship/over-cap',
    {
      schema: {
        tags,
        summary: 'RMs whose book exceeds their role’s capacity, largest excess first (an RM: only themselves)',
        querystring: orgQuery,
        response: { 200: overCapSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => listOverCap(ctx, requireActor(req), req.query),
  );

  app.get(
    '/stewardship/over-cap/export',
    {
      schema: {
        tags,
        summary: 'The over-cap list as an .xlsx sheet (audited); managers only',
        querystring: orgQuery,
        produces: [XLSX_TYPE],
        response: xlsxReply,
      },
    },
    async (req, reply) => {
      const out = await exportOverCap(ctx, requireActor(req), req.query, exportOpts(req.ip));
      return reply.type(XLSX_TYPE).header('content-disposition', out.contentDisposition).send(out.body);
    },
  );

  app.get(
    '/stewardship/release',
    {
      schema: {
        tags,
        summary:
          'Customers below the managed-from tier held by an RM (管户资产过低), names masked, with a suggested action',
        querystring: orgQuery.merge(pageQuery()),
        response: { 200: releaseSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => listRelease(ctx, requireActor(req), req.query),
  );

  app.get(
    '/stewardship/release/export',
    {
      schema: {
        tags,
        summary: 'The whole release list as an .xlsx sheet (masked, audited, row-limited); managers only',
        querystring: orgQuery,
        produces: [XLSX_TYPE],
        response: xlsxReply,
      },
    },
    async (req, reply) => {
      const out = await exportRelease(ctx, requireActor(req), req.query, exportOpts(req.ip));
      return reply.type(XLSX_TYPE).header('content-disposition', out.contentDisposition).send(out.body);
    },
  );

  app.get(
    '/stewardship/rms/:staffId/book',
    {
      schema: {
        tags,
        summary: 'An RM’s book against capacity: load, cap, customers per stewardship state (an RM: only their own)',
        params: staffParam,
        response: { 200: bookSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => getRmBook(ctx, requireActor(req), req.params.staffId),
  );
};
