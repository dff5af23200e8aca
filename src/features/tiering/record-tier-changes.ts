/**
 * Step "tiers": D's tier decisions (already on D's customer_aum_daily rows, see day-rows-sql.ts)
 * become history and current state, in two statements that never materialise the population:
 *  - history: against the tier as of D−1 (latest tier_history row before D), a decision is
 *    'initial' (first evaluation above mass), 'upgrade' or 'downgrade'; the join keeps only
 *    those rows. A previous run's rows of D are deleted first, so a re-run writes the same rows.
 *  - customers: updated only where tier or band differ from D's row (a few thousand rows a day,
 *    not the whole table); tier_since becomes the date of the latest history row on or before D.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName } from '../../platform/db/partitions.js';
import { affectedRows } from './day-tables.js';
import { previousTierSql } from './day-rows-sql.js';

/** reason codes this step writes (and so deletes when a date is run again) */
export const TIER_REASONS = ['initial', 'upgrade', 'downgrade'] as const;

export async function recordTierChanges(db: AppDb, date: string) {
  const day = sql.raw(partitionName('customer_aum_daily', date));
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    await t.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await t.execute(
      sql`DELETE FROM tier_history WHERE changed_on = ${date}::date AND reason IN ('initial', 'upgrade', 'downgrade')`,
    );
    const inserted = await t.execute(sql`
      INSERT INTO tier_history (customer_id, changed_on, from_tier, to_tier, reason)
      SELECT customer_id, ${date}::date, prev, tier, change FROM (
        SELECT s.customer_id, p.tier AS prev, s.tier,
          CASE WHEN p.tier IS NULL THEN CASE WHEN s.tier > 'mass'::tier THEN 'initial' END
               WHEN s.tier > p.tier THEN 'upgrade'
               WHEN s.tier < p.tier THEN 'downgrade' END AS change
        FROM ${day} s LEFT JOIN (${previousTierSql(date)}) p ON p.customer_id = s.customer_id
      ) x WHERE change IS NOT NULL
      ORDER BY customer_id`);
    const updated = await t.execute(sql`
      UPDATE customers c SET tier = s.tier, band = s.band,
        tier_since = coalesce((SELECT max(h.changed_on) FROM tier_history h
                               WHERE h.customer_id = c.customer_id AND h.changed_on <= ${date}::date), c.tier_since)
      FROM ${day} s
      WHERE s.as_of_date = ${date}::date AND c.customer_id = s.customer_id AND (c.tier IS DISTINCT FROM s.tier OR c.band IS DISTINCT FROM s.band)`);
    const changes = affectedRows(inserted);
    const n = affectedRows(updated);
    return { rows: changes, detail: `${changes} changes, ${n} customers updated`, changes, updated: n };
  });
}
