/**
 * Day partitions: tables `PARTITION BY LIST (as_of_date)` with one partition per business date
 * (holdings, customer_aum_daily, and any later day-partitioned table). A day is written into a
 * fresh standalone table and swapped in whole, so a load or batch step is atomic and a re-run
 * replaces the day instead of mixing with it. build-day-partition.ts is the machinery a batch step
 * uses to build one.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { query } from './query.js';

/** A day-partitioned parent table's name (a plain SQL identifier). */
export type DayPartitioned = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const IDENT = /^[a-z_][a-z0-9_]*$/;

export function partitionName(table: DayPartitioned, isoDate: string): string {
  if (!ISO.test(isoDate)) throw new Error(`not an ISO date: ${isoDate}`);
  if (!IDENT.test(table)) throw new Error(`not a table name: ${table}`);
  return `${table}_p${isoDate.replace(/-/g, '')}`;
}

/** Creates the (empty) partition for a day if it does not exist yet. */
export async function ensureDayPartition(db: AppDb, table: DayPartitioned, isoDate: string): Promise<string> {
  const name = partitionName(table, isoDate);
  await db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES IN ('${isoDate}')`));
  return name;
}

/**
 * Replaces the day's partition with `staging`, a standalone table with the parent's columns and
 * only rows of that day. Run inside a transaction: the old day stays visible until commit.
 */
export async function swapDayPartition(
  db: AppDb,
  table: DayPartitioned,
  isoDate: string,
  staging: string,
  /** false when the caller analysed the day's own partitions already (a partitioned day) */
  analyze = true,
): Promise<void> {
  const name = partitionName(table, isoDate);
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${name}`));
  await db.execute(sql.raw(`ALTER TABLE ${staging} RENAME TO ${name}`));
  await db.execute(sql.raw(`ALTER TABLE ${table} ATTACH PARTITION ${name} FOR VALUES IN ('${isoDate}')`));
  // A freshly built day has no statistics; without them the planner guesses, and the customer
  // list (which walks the day's AUM index with filters) picked plans 20× slower. ANALYZE
  // samples ~30k rows: a few hundred ms for a million.
  if (analyze) await db.execute(sql.raw(`ANALYZE ${name}`));
}

/** Whether the day's partition exists and is attached to its parent. */
export async function hasDayPartition(db: AppDb, table: DayPartitioned, isoDate: string): Promise<boolean> {
  const name = partitionName(table, isoDate);
  const rows = await query<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = ${table}::regclass AND c.relname = ${name}) AS ok`,
  );
  return rows[0]?.ok === true;
}

/** Dates of every attached day partition of `table`, ascending. */
export async function dayPartitions(db: AppDb, table: DayPartitioned): Promise<string[]> {
  const rows = await query<{ relname: string }>(
    db,
    sql`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ${table}::regclass`,
  );
  const prefix = `${table}_p`;
  return rows
    .map((r) => r.relname)
    .filter((n) => n.startsWith(prefix) && /^\d{8}$/.test(n.slice(prefix.length)))
    .map((n) => {
      const s = n.slice(prefix.length);
      return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
    })
    .sort();
}
