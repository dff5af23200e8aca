/**
 * Step "monthly" (last day of a month only): the month's average and month-end AUM of every
 * customer into customer_aum_monthly (month = first day), an upsert so a re-run replaces them.
 * The downgrade rule reads these rows at the next month ends.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName } from '../../platform/db/partitions.js';
import { monthStartOf } from '../../domain/dates.js';
import { affectedRows } from '../../platform/db/query.js';

export async function closeMonth(db: AppDb, date: string): Promise<{ rows: number }> {
  const day = partitionName('customer_aum_daily', date);
  const res = await db.execute(sql`
    INSERT INTO customer_aum_monthly (customer_id, month, avg_aum_fen, end_aum_fen)
    SELECT customer_id, ${monthStartOf(date)}::date, avg_fen, aum_fen FROM ${sql.raw(day)}
    ON CONFLICT (customer_id, month) DO UPDATE
      SET avg_aum_fen = EXCLUDED.avg_aum_fen, end_aum_fen = EXCLUDED.end_aum_fen`);
  return { rows: affectedRows(res) };
}
