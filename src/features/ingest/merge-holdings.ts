/**
 * A holdings file is the full snapshot of its day. The day is loaded (holdings-load.ts) into a standalone table with
 * the parent's columns and constraints plus CHECK (as_of_date = D) — which lets ATTACH PARTITION
 * skip its validation scan — and its customer_id index (which ATTACH adopts instead of building
 * one). Only the swap runs in the merge transaction, so a crash before commit leaves the
 * previous day in place; the half-built table is dropped by the next run.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { partitionName, swapDayPartition } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import type { KeySeen } from './key-seen.js';
import type { Staged } from './staged-rows.js';

/**
 * Finishes the day table: the duplicate keys among the Node pass's candidates (key-seen.ts) are
 * checked exactly — one window over the candidate lines of the day table and of the rejected rows
 * (rows rejected for another reason count as occurrences, as in the SQL path); the later
 * occurrences are rejected naming the first line and deleted — while the customer_id index (the
 * parent's partitioned index adopts it at ATTACH) is built, the one index build of the happy
 * path. Returns the rows rejected as duplicates.
 */
export async function indexHoldingsDay(h: DbHandle, day: string, rejects: string, keys: KeySeen): Promise<number> {
  // PostgreSQL builds the index while Node sorts out the candidates (a later DELETE keeps it valid)
  const indexing = maintenance(h, `CREATE INDEX ${day}_customer_idx ON ${day} (customer_id)`);
  indexing.catch(() => undefined);
  const candidates = keys.candidates();
  let dups = 0;
  if (candidates.length) {
    const cand = `${day}_cand`;
    await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${cand}`));
    await h.db.execute(sql.raw(`CREATE ${h.kind === 'postgres' ? 'UNLOGGED ' : ''}TABLE ${cand} (line_no int)`));
    await h.copyFrom(cand, Readable.from([`${candidates.join('\n')}\n`]));
    try {
      dups = await rejectDuplicates(h, day, rejects, dupWindow(day, rejects, cand));
    } finally {
      await h.db.execute(sql.raw(`DROP TABLE IF EXISTS ${cand}`));
    }
  }
  await indexing;
  await h.db.execute(sql.raw(`ALTER TABLE ${day} DROP COLUMN line_no, ALTER COLUMN as_of_date DROP DEFAULT`));
  return dups;
}

async function maintenance(h: DbHandle, statement: string): Promise<void> {
  await h.db.transaction(async (tx) => {
    if (h.kind === 'postgres') await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '256MB'`));
    await tx.execute(sql.raw(statement));
  });
}

const DUP_COLUMN = `'account_id,product_id'`;
const dupReason = (first: string) => `'duplicate key (account_id, product_id), first seen on line ' || ${first}`;

/** every occurrence of a candidate key after its first, loaded or rejected */
const dupWindow = (day: string, rejects: string, cand: string) => `
  SELECT line_no, ${DUP_COLUMN} AS column_name, concat_ws(',', account_id, product_id) AS value,
    ${dupReason('dup_first')} AS reason
  FROM (SELECT o.*, row_number() OVER w AS dup_rn, min(o.line_no) OVER w AS dup_first FROM (
      SELECT line_no, account_id, product_id, true AS loaded FROM ${day}
        WHERE line_no IN (SELECT line_no FROM ${cand})
      UNION ALL SELECT line_no, account_id, product_id, false FROM ${rejects}
        WHERE account_id IS NOT NULL AND line_no IN (SELECT line_no FROM ${cand})) o
    WINDOW w AS (PARTITION BY o.account_id COLLATE "C", o.product_id COLLATE "C" ORDER BY o.line_no)) x
  WHERE dup_rn > 1 AND loaded`;

async function rejectDuplicates(h: DbHandle, day: string, rejects: string, select: string): Promise<number> {
  return h.db.transaction(async (tx) => {
    if (h.kind === 'postgres') await tx.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await tx.execute(sql.raw(`CREATE TEMP TABLE ${day}_dups ON COMMIT DROP AS ${select}`));
    await tx.execute(sql.raw(`INSERT INTO ${rejects} (line_no, column_name, value, reason) SELECT * FROM ${day}_dups`));
    await tx.execute(sql.raw(`DELETE FROM ${day} d USING ${day}_dups x WHERE x.line_no = d.line_no`));
    const [r] = await query<{ n: number | string }>(
      tx as unknown as AppDb,
      sql.raw(`SELECT count(*) AS n FROM ${day}_dups`),
    );
    return Number(r?.n ?? 0);
  });
}

/** In the merge transaction: the built day replaces the partition. */
export async function swapHoldingsDay(tx: AppDb, s: Staged, day: string): Promise<void> {
  const part = partitionName('holdings', s.businessDate!);
  await swapDayPartition(tx, 'holdings', s.businessDate!, day);
  await tx.execute(sql.raw(`ALTER TABLE ${part} DROP CONSTRAINT ${day}_date`));
  await tx.execute(sql.raw(`ALTER INDEX ${day}_customer_idx RENAME TO ${part}_customer_idx`));
}
