/**
 * A holdings file is the full snapshot of its day. The day is built in a standalone table with
 * the parent's columns and constraints plus CHECK (as_of_date = D) — which lets ATTACH PARTITION
 * skip its validation scan — and its customer_id index (which ATTACH adopts instead of building
 * one). Only the swap runs in the merge transaction, so a crash before commit leaves the
 * previous day in place; the half-built table is dropped by the next run.
 */
import { sql } from 'drizzle-orm';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { partitionName, swapDayPartition } from '../../platform/db/partitions.js';
import { lit, toDate, toFen } from './sql-text.js';
import { colOf, validRows, type Staged } from './staged-rows.js';

export async function buildHoldingsDay(h: DbHandle, s: Staged, day: string): Promise<void> {
  await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${day}`));
  await h.db.transaction(async (tx) => {
    if (h.kind === 'postgres') {
      // no JIT for one pass of casts; memory for the index build's sort
      await tx.execute(sql.raw(`SET LOCAL jit = off`));
      await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '256MB'`));
    }
    await build(tx as unknown as AppDb, s, day);
  });
}

async function build(db: AppDb, s: Staged, day: string): Promise<void> {
  const d = lit(s.businessDate!);
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`CREATE TABLE ${day} (LIKE holdings INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    CONSTRAINT ${day}_date CHECK (as_of_date = ${d}::date))`);
  await run(`INSERT INTO ${day} (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)
    SELECT ${d}::date, v.customer_id, v.account_id, v.product_id, ${toFen('v.balance')}, ${toDate(colOf(s, 'maturity_date'))}
    FROM ${validRows(s)} v`);
  await run(`CREATE INDEX ${day}_customer_idx ON ${day} (customer_id)`);
}

/** In the merge transaction: the built day replaces the partition. */
export async function swapHoldingsDay(tx: AppDb, s: Staged, day: string): Promise<void> {
  const part = partitionName('holdings', s.businessDate!);
  await swapDayPartition(tx, 'holdings', s.businessDate!, day);
  await tx.execute(sql.raw(`ALTER TABLE ${part} DROP CONSTRAINT ${day}_date`));
  await tx.execute(sql.raw(`ALTER INDEX ${day}_customer_idx RENAME TO ${part}_customer_idx`));
}
