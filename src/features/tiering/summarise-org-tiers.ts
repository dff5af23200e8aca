/**
 * Step "org-tier": per home outlet and tier on D, the customers, their AUM that day, how many
 * are near the next tier, and how many moved into the tier that day (up or down). Reads D's day
 * rows, which carry that day's tier, band and home outlet, so the figures are D's even when D is
 * re-run after later dates. Replaces D's rows; the seed calls it too so a fresh demo bank has its
 * dashboard.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName } from '../../platform/db/partitions.js';
import { affectedRows } from '../../platform/db/query.js';

export async function summariseOrgTiers(db: AppDb, date: string): Promise<{ rows: number }> {
  const day = partitionName('customer_aum_daily', date);
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    await t.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await t.execute(sql`DELETE FROM org_tier_daily WHERE as_of_date = ${date}::date`);
    const res = await t.execute(sql`
      INSERT INTO org_tier_daily (as_of_date, org_id, tier, customers, aum_fen, near_threshold, upgrades, downgrades)
      SELECT ${date}::date, d.home_org_id, d.tier, count(*)::int,
             -- summed in numeric, held at the bigint limit: a sum can never fail the night
             least(sum(d.aum_fen), 9223372036854775807)::bigint,
             count(*) FILTER (WHERE d.band IS NOT NULL)::int,
             coalesce(sum(m.up), 0)::int, coalesce(sum(m.down), 0)::int
      FROM ${sql.raw(day)} d
      LEFT JOIN (
        SELECT customer_id, count(*) FILTER (WHERE reason = 'upgrade') AS up,
               count(*) FILTER (WHERE reason = 'downgrade') AS down
        FROM tier_history WHERE changed_on = ${date}::date AND reason IN ('upgrade', 'downgrade')
        GROUP BY customer_id
      ) m ON m.customer_id = d.customer_id
      GROUP BY d.home_org_id, d.tier`);
    return { rows: affectedRows(res) };
  });
}
