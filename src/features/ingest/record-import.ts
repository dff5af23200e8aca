/**
 * Bookkeeping in import_files: one row per file looked at. A file is `unchanged` when the last
 * file loaded for the same kind and business date had the same bytes (a later, different file
 * for that date makes the earlier one load again).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import type { FileResult } from './types.js';

export async function alreadyLoaded(db: AppDb, f: FileResult): Promise<boolean> {
  const [last] = await query<{ checksum: string }>(
    db,
    sql`SELECT checksum FROM import_files
        WHERE kind = ${f.kind}::import_kind AND business_date IS NOT DISTINCT FROM ${f.businessDate}::date
          AND status = 'loaded'
        ORDER BY id DESC LIMIT 1`,
  );
  return last?.checksum === f.checksum;
}

export async function recordFile(db: AppDb, runId: string, f: FileResult): Promise<void> {
  await db.execute(
    sql`INSERT INTO import_files (run_id, file_name, kind, business_date, checksum, encoding, rows_read, rows_loaded,
          rows_rejected, duration_ms, status, report_path, rejects_path, message, top_reasons, customers)
        VALUES (${runId}, ${f.file}, ${f.kind}::import_kind, ${f.businessDate}::date, ${f.checksum}, ${f.encoding},
          ${f.read}, ${f.loaded}, ${f.rejected}, ${f.durationMs}, ${f.status}::import_status, ${f.reportPath},
          ${f.rejectsPath}, ${f.message}, ${JSON.stringify(f.topReasons)}::jsonb, ${f.customers ?? null})`,
  );
}
