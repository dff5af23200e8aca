/**
 * Calendar facts and day-partition lookups the batch steps share. Dates are ISO strings; the
 * partitions are named by partitionName() so the steps can read one day's table directly.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName, type DayPartitioned } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';

export const dayOfMonth = (d: string): number => Number(d.slice(8, 10));
export const monthStartOf = (d: string): string => `${d.slice(0, 8)}01`;
export const isMonthEnd = (d: string): boolean => addDays(d, 1).slice(8, 10) === '01';

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

/** Rows an INSERT/UPDATE/DELETE touched: node-postgres says rowCount, PGlite affectedRows. */
export function affectedRows(res: unknown): number {
  const r = res as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
