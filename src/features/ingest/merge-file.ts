/**
 * Merges a file's valid rows into the system of record. Runs inside the file's one transaction
 * (see import-file.ts); holdings' day table is built before it (merge-holdings.ts).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { ensureDayPartition } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { swapHoldingsDay } from './merge-holdings.js';
import { orgMergeStatement } from './merge-org.js';
import { relationshipStatements } from './merge-relationships.js';
import { upsertStatement } from './merge-upsert.js';
import { validRows, type Staged } from './staged-rows.js';

export async function mergeFile(tx: AppDb, s: Staged, day: string): Promise<void> {
  const run = (q: string) => tx.execute(sql.raw(q));
  switch (s.spec.kind) {
    case 'org':
      await run(orgMergeStatement(s));
      return;
    case 'relationships':
      for (const q of relationshipStatements(s)) await run(q);
      return;
    case 'holdings':
      await swapHoldingsDay(tx, s, day);
      return;
    case 'customers':
      await run(upsertStatement(s));
      await addZeroAum(tx, s);
      return;
    default:
      await run(upsertStatement(s));
  }
}

/**
 * New customers get a zero AUM row for the current AUM date, so the customer list (which reads
 * customer_aum_daily) shows them before the next nightly batch recomputes the day.
 */
async function addZeroAum(tx: AppDb, s: Staged): Promise<void> {
  const asOf = await currentAumDate(tx);
  if (!asOf) return;
  await ensureDayPartition(tx, 'customer_aum_daily', asOf);
  // The day rows also carry the customer's tier, band and outlet (migration 0005); copied from
  // customers for whichever of those columns this schema has.
  const extra = (
    await query<{ c: string }>(
      tx,
      sql`SELECT column_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'customer_aum_daily'
            AND column_name IN ('tier', 'band', 'home_org_id')`,
    )
  ).map((r) => r.c);
  await tx.execute(
    sql.raw(`INSERT INTO customer_aum_daily (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen${extra.map((c) => `, ${c}`).join('')})
      SELECT '${asOf}'::date, c.customer_id, 0, 0, extract(day FROM '${asOf}'::date)::int, 0${extra.map((c) => `, c.${c}`).join('')}
      FROM ${validRows(s)} v JOIN customers c ON c.customer_id = v.customer_id
      ON CONFLICT DO NOTHING`),
  );
}
