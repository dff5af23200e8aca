/**
 * Which dates a batch run processes, in order.
 *  - pending: dates with holdings loaded (a holdings partition, or an import_files row of kind
 *    holdings loaded/unchanged) whose latest run did not succeed (or there is none), or whose
 *    holdings were loaded again after their last succeeded run. A date whose customer_aum_daily exists but was never
 *    attempted by a batch (the seed's day, a migrated day) is a baseline, not pending.
 *  - cascade: everything processed after the earliest date to run is run again, because each
 *    day's 积数 and tier start from the day before.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { dayPartitions } from '../db/partitions.js';
import { query } from '../db/query.js';

interface DateFacts {
  processed: Set<string>;
  attempted: Set<string>;
  reloaded: Set<string>;
  importedDates: string[];
}

async function facts(db: AppDb): Promise<DateFacts> {
  const runs = await query<{ d: string; ok: boolean }>(
    db,
    // the latest attempt decides: a failed or killed re-run leaves the date to be run again
    sql`SELECT DISTINCT ON (business_date) business_date::text AS d, status = 'succeeded' AS ok
        FROM batch_runs ORDER BY business_date, started_at DESC, run_id DESC`,
  );
  const imports = await query<{ d: string; reloaded: boolean }>(
    db,
    sql`SELECT f.business_date::text AS d,
          bool_or(f.status = 'loaded' AND f.created_at > coalesce((
            SELECT max(r.started_at) FROM batch_runs r
            WHERE r.business_date = f.business_date AND r.status = 'succeeded'),
            -- a baseline day (its AUM written by the seed, never attempted by a batch): files
            -- recorded before the AUM date was last set are part of it
            (SELECT s.updated_at FROM system_state s WHERE s.key = 'aum_as_of'
              AND NOT EXISTS (SELECT 1 FROM batch_runs r WHERE r.business_date = f.business_date)),
            '-infinity')) AS reloaded
        FROM import_files f
        WHERE f.kind = 'holdings' AND f.status IN ('loaded', 'unchanged') AND f.business_date IS NOT NULL
        GROUP BY 1`,
  );
  return {
    processed: new Set(runs.filter((r) => r.ok).map((r) => r.d)),
    attempted: new Set(runs.map((r) => r.d)),
    reloaded: new Set(imports.filter((r) => r.reloaded).map((r) => r.d)),
    importedDates: imports.map((r) => r.d),
  };
}

/** Dates to run when no date is given: pending dates and every processed date after them. */
export async function planPending(db: AppDb): Promise<string[]> {
  const f = await facts(db);
  const aumDays = new Set(await dayPartitions(db, 'customer_aum_daily'));
  const loaded = new Set([...(await dayPartitions(db, 'holdings')), ...f.importedDates]);
  const pending = [...loaded].filter((d) => {
    if (f.reloaded.has(d)) return true;
    if (f.processed.has(d)) return false;
    return f.attempted.has(d) || !aumDays.has(d);
  });
  if (pending.length === 0) return [];
  const earliest = pending.reduce((a, b) => (a < b ? a : b));
  return withCascade(pending, f.processed, earliest);
}

/** Dates to run for an explicit date: it, then every processed date after it. */
export async function planFrom(db: AppDb, date: string): Promise<string[]> {
  const f = await facts(db);
  return withCascade([date], f.processed, date);
}

function withCascade(dates: string[], processed: Set<string>, from: string): string[] {
  return [...new Set([...dates, ...[...processed].filter((d) => d > from)])].sort();
}

/** The status of the latest batch run of a date (whole or partial), or null when it never ran. */
export async function lastRunStatus(db: AppDb, date: string): Promise<string | null> {
  const [r] = await query<{ status: string }>(
    db,
    sql`SELECT status::text FROM batch_runs WHERE business_date = ${date}::date
        ORDER BY started_at DESC, run_id DESC LIMIT 1`,
  );
  return r?.status ?? null;
}
