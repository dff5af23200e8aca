/**
 * Request and response pieces every feature's routes share, so paging limits, id lengths and
 * the error body are defined once (and appear once in the OpenAPI document's meaning).
 */
import { z } from 'zod';

/** The JSON body of every error response (see errors.ts). */
export const errorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

/** 409 for a write made from a version that is no longer the current one; details name it. */
export const versionConflictSchema = errorSchema.extend({
  code: z.literal('CONFLICT'),
  details: z.object({ currentVersion: z.number().int().describe('the version now in force: reload it') }),
});

/** An org, staff or customer id as they appear in the contract files. */
export const idString = z.string().min(1).max(32);

/** Server-side paging: page from 1, at most 200 rows a page. */
export const pageQuery = (defaultPageSize = 20) =>
  z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(defaultPageSize),
  });
