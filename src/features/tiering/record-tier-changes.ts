/**
 * Step "tiers": D's tier decisions (already on D's customer_aum_daily rows, with the tier and band
 * the day before, see day-rows-sql.ts) become history and current state, reading only the rows
 * that moved:
 *  - history: against the tier in force before D, a decision is 'initial' (first evaluation above
 *    mass: no history row before D), 'upgrade' or 'downgrade'. Only rows whose tier differs from
 *    prev_tier can be one, and for those alone tier_history is asked whether a customer at mass
 *    was ever above it. A previous run's rows of D are deleted first, so a re-run writes the same
 *    rows.
 *  - customers: tier and band set to D's where they differ. When customers were last made equal
 *    to D−1's rows (system_state tiers_as_of = D−1: the nightly case) only the rows whose tier or
 *    band moved since D−1 can differ, a few thousand; otherwise (a re-run of an earlier date, the
 *    first run after the seed) every customer is compared. tier_since becomes the date of the
 *    latest history row on or before D.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import { TIER_CHANGES } from '../../domain/enums.js';
import type { AppDb } from '../../platform/db/client.js';
import { hasDayPartition, partitionName } from '../../platform/db/partitions.js';
import { affectedRows } from '../../platform/db/query.js';
import { customerTiersDate, setCustomerTiersDate } from '../../platform/db/state.js';
import type { StepOutcome } from '../../platform/jobs/batch-step.js';

/** reason codes this step writes (and so deletes when a date is run again) */
export const TIER_REASONS = TIER_CHANGES;

export async function recordTierChanges(db: AppDb, date: string): Promise<StepOutcome> {
  const day = sql.raw(partitionName('customer_aum_daily', date));
  const prev = addDays(date, -1);
  const incremental = (await customerTiersDate(db)) === prev && (await hasDayPartition(db, 'customer_aum_daily', prev));
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    await t.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    // these statements read a few thousand rows: compiling them costs more than it saves
    await t.execute(sql.raw(`SET LOCAL jit = off`));
    await t.execute(
      sql`DELETE FROM tier_history WHERE changed_on = ${date}::date AND reason IN (${sql.join(
        TIER_REASONS.map((r) => sql`${r}`),
        sql`, `,
      )})`,
    );
    // The rows whose tier or band moved overnight, a few thousand: a small analysed table, so the
    // statements below plan for their real size (a filter on the day estimates nearly every row).
    await t.execute(sql`
      CREATE TEMP TABLE tier_moved ON COMMIT DROP AS
      SELECT customer_id, tier, band, prev_tier FROM ${day}
      WHERE tier IS DISTINCT FROM prev_tier OR band IS DISTINCT FROM prev_band`);
    await t.execute(sql`ANALYZE tier_moved`);
    const inserted = await t.execute(sql`
      INSERT INTO tier_history (customer_id, changed_on, from_tier, to_tier, reason)
      SELECT customer_id, ${date}::date, from_tier, tier, change FROM (
        SELECT customer_id, from_tier, tier,
          CASE WHEN from_tier IS NULL THEN CASE WHEN tier > 'mass'::tier THEN 'initial' END
               WHEN tier > from_tier THEN 'upgrade'
               WHEN tier < from_tier THEN 'downgrade' END AS change
        FROM (
          SELECT s.customer_id, s.tier,
            CASE WHEN s.prev_tier = 'mass'::tier AND e.had IS NULL THEN NULL ELSE s.prev_tier END AS from_tier
          FROM tier_moved s
          LEFT JOIN LATERAL (SELECT true AS had FROM tier_history h
                             WHERE h.customer_id = s.customer_id AND h.changed_on < ${date}::date LIMIT 1) e ON true
          WHERE s.tier IS DISTINCT FROM s.prev_tier) m
      ) x WHERE change IS NOT NULL
      ORDER BY customer_id`);
    // The day's rows are keyed (as_of_date, customer_id): naming the date lets a lookup by customer
    // use the whole key. Without it PGlite planned a nested loop that walked the day's key index
    // for every customer (160 s at 50k customers, against 0.5 s on PostgreSQL's hash join).
    const source = incremental
      ? sql`tier_moved`
      : sql`(SELECT customer_id, tier, band FROM ${day} WHERE as_of_date = ${date}::date)`;
    const updated = await t.execute(sql`
      UPDATE customers c SET tier = s.tier, band = s.band,
        tier_since = coalesce((SELECT max(h.changed_on) FROM tier_history h
                               WHERE h.customer_id = c.customer_id AND h.changed_on <= ${date}::date), c.tier_since)
      FROM ${source} s
      WHERE c.customer_id = s.customer_id AND (c.tier IS DISTINCT FROM s.tier OR c.band IS DISTINCT FROM s.band)`);
    await setCustomerTiersDate(t, date);
    const changes = affectedRows(inserted);
    const n = affectedRows(updated);
    const how = incremental ? 'moved rows' : 'every customer compared';
    return {
      rows: changes,
      detail: {
        code: incremental ? 'tiers.moved' : 'tiers.compared',
        params: { changes, updated: n },
        text: `${changes} changes, ${n} customers updated (${how})`,
      },
    };
  });
}
