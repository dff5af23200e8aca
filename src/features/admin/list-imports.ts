/**
 * The data pipeline's bookkeeping for admins: files the importer looked at and nightly batch
 * runs, newest first. Not customer data, so no customer scope, only a role gate.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { query } from '../../platform/db/query.js';
import type { StepRecord } from '../../platform/jobs/run-record.js';
import { isoLocal } from '../../platform/db/sql-literal.js';
import type { ReasonCount } from '../ingest/api.js';
import type { ImportKind, ImportStatus, RunStatus } from '../../domain/enums.js';

export async function listImports(ctx: Ctx, actor: Actor, input: { page: number; pageSize: number }) {
  requireRole(actor, CONFIG_ROLES, 'the import log');
  const [rows, [count]] = await Promise.all([
    query<Record<string, unknown>>(
      ctx.db,
      sql`SELECT id::int AS id, run_id, file_name, kind, business_date::text AS business_date,
                 left(checksum, 12) AS checksum, encoding, rows_read, rows_loaded, rows_rejected,
                 duration_ms, status, message, top_reasons, rejects_path IS NOT NULL AS has_rejects,
                 ${isoLocal('created_at')} AS created_at
          FROM import_files ORDER BY created_at DESC, id DESC
          LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
    ),
    query<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM import_files`),
  ]);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      runId: String(r.run_id),
      fileName: String(r.file_name),
      kind: String(r.kind) as ImportKind,
      businessDate: (r.business_date as string | null) ?? null,
      checksum: String(r.checksum),
      encoding: String(r.encoding),
      rowsRead: Number(r.rows_read),
      rowsLoaded: Number(r.rows_loaded),
      rowsRejected: Number(r.rows_rejected),
      durationMs: Number(r.duration_ms),
      status: String(r.status) as ImportStatus,
      message: (r.message as string | null) ?? null,
      topReasons: Array.isArray(r.top_reasons) ? (r.top_reasons as ReasonCount[]) : [],
      rejectsAvailable: r.has_rejects === true && Number(r.rows_rejected) > 0,
      createdAt: String(r.created_at),
    })),
    total: Number(count?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function listBatchRuns(ctx: Ctx, actor: Actor, limit = 100) {
  requireRole(actor, CONFIG_ROLES, 'the batch log');
  const rows = await query<Record<string, unknown>>(
    ctx.db,
    sql`SELECT run_id, business_date::text AS business_date, status, ${isoLocal('started_at')} AS started_at,
               CASE WHEN finished_at IS NULL THEN NULL ELSE ${isoLocal('finished_at')} END AS finished_at,
               settings_version, only_step, steps, message
        FROM batch_runs ORDER BY started_at DESC LIMIT ${limit}`,
  );
  return {
    items: rows.map((r) => ({
      runId: String(r.run_id),
      businessDate: String(r.business_date),
      status: String(r.status) as RunStatus,
      startedAt: String(r.started_at),
      finishedAt: (r.finished_at as string | null) ?? null,
      settingsVersion: r.settings_version == null ? null : Number(r.settings_version),
      onlyStep: (r.only_step as string | null) ?? null,
      steps: (Array.isArray(r.steps) ? (r.steps as StepRecord[]) : []).map((s) => ({
        name: String(s.name ?? ''),
        rows: s.rows == null ? null : Number(s.rows),
        ms: s.ms == null ? null : Number(s.ms),
        // what the step did in English (e.g. "826 changes, 1986 customers updated (moved rows)"),
        // and as a code with parameters that the UI translates (older runs have text only)
        detail: s.detail == null ? null : String(s.detail),
        detailCode: s.detailCode ?? null,
        detailParams: s.detailParams ?? null,
      })),
      message: (r.message as string | null) ?? null,
    })),
  };
}
