/**
 * Raw set-based SQL with rows typed by the caller. Both drivers return `{ rows }`.
 */
import type { SQL } from 'drizzle-orm';
import type { AppDb } from './client.js';

export type Row = Record<string, unknown>;

export async function query<T = Row>(db: AppDb, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown as { rows: T[] };
  return res.rows;
}

/** Rows an INSERT/UPDATE/DELETE touched: node-postgres says rowCount, PGlite affectedRows. */
export function affectedRows(res: unknown): number {
  const r = res as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
