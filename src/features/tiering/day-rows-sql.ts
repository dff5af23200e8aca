/**
 * The SELECT that produces a day's customer_aum_daily rows, tier decision included (the day rows
 * carry tier, band and home outlet, so the decision must be made before the partition exists).
 * Per customer, over the whole population in one statement:
 *   aum    = sum of D's holdings (absent: 0); accum (积数) = D−1's accum + aum, restarting on
 *            the 1st (on the bank's first day of data, mid-month: aum × days); avg = accum / days,
 *            rounded down to the fen;
 *   prev   = tier and band as of D−1: D−1's row when that day was processed (the normal case: no
 *            look into tier_history), else the latest tier_history row before D and no band;
 *   months = on a month end, the earlier months of the downgrade window from
 *            customer_aum_monthly as count and maximum ("all below the floor" ⇔ max < floor);
 *   tier, band as domain/tiering.ts evaluateTier decides (the integration test checks it
 *   customer by customer). Ladder values are bound parameters from the run's settings.
 * A `range` restricts it to customer ids in [from, to) so several sessions can each build a part
 * (build-aum-day.ts); the holdings GROUP BY is restricted the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Settings } from '../../domain/settings.js';
import { addDays, addMonths, dayOfMonth, isMonthEnd, monthStartOf } from '../../domain/dates.js';
import type { IdRange } from '../../platform/db/build-day-partition.js';
import { partitionName } from '../../platform/db/partitions.js';
import { bandSql, floorOfSql, qualifiesSql } from './tier-sql.js';

/** tier as of the day before D, with the date it was reached */
export const previousTierSql = (date: string): SQL => sql`
  SELECT DISTINCT ON (customer_id) customer_id, to_tier AS tier, changed_on
  FROM tier_history WHERE changed_on < ${date}::date
  ORDER BY customer_id, changed_on DESC, id DESC`;

/**
 * A customer's day AUM is summed in numeric and held at most at this (10^15 yuan), so that the
 * bigint columns and the month's accumulation (≤ 31 × AUM) cannot overflow whatever the file
 * held: one customer's overflow used to fail the night for the whole bank. Positions are capped
 * at import (settings imports.positionCeilingFen), so only an absurd number of them reaches it.
 */
export const MAX_DAY_AUM_FEN = 10n ** 17n;

export interface DayRowsOptions {
  /** D−1 has its customer_aum_daily partition (required from the 2nd of a month, but see baseline) */
  previousDay: boolean;
  /**
   * D is the first day with data and not the 1st: the month's earlier days are taken at D's
   * balance (accum = aum × day of month, so the month average is D's AUM, not a fraction of it)
   */
  baseline?: boolean;
  range?: IdRange;
}

function rangeSql(col: SQL, r: IdRange | undefined): SQL {
  const conds: SQL[] = [];
  if (r?.from != null) conds.push(sql`${col} >= ${r.from}`);
  if (r?.to != null) conds.push(sql`${col} < ${r.to}`);
  return conds.length ? sql.join(conds, sql` AND `) : sql`TRUE`;
}

export function dayRowsSql(date: string, tiers: Settings['tiers'], o: DayRowsOptions): SQL {
  const days = dayOfMonth(date);
  const carried = days > 1;
  const prevDay = addDays(date, -1);
  const aum = sql`coalesce(h.aum, 0)`;
  if (carried && !o.previousDay && !o.baseline) throw new Error(`day rows of ${date} need ${prevDay}'s`);
  const accum = !carried ? aum : o.previousDay ? sql`coalesce(p.accum_fen, 0) + ${aum}` : sql`${aum} * ${days}::int`;
  const periodEnd = tiers.basis === 'period_end';
  const earlier = tiers.downgradeMonths - 1;
  const monthEnd = isMonthEnd(date);
  const withMonths = monthEnd && earlier > 0;
  const start = monthStartOf(date);
  // a downgrade: month end, below the current floor now, and in each of the `earlier` months
  const down = !monthEnd
    ? sql`false`
    : withMonths
      ? sql`(qual < prev AND coalesce(n, 0) >= ${earlier}::int AND hi < ${floorOfSql(sql`prev`, tiers)})`
      : sql`(qual < prev)`;

  const base = sql`
    SELECT c.customer_id, c.home_org_id, ${aum} AS aum_fen, ${accum} AS accum_fen, (${accum}) / ${days}::int AS avg_fen,
           ${o.previousDay ? sql`p.tier AS prev, p.band AS prev_band` : sql`t.tier AS prev, NULL::tier AS prev_band`}
           ${withMonths ? sql`, m.n, m.hi` : sql``}
    FROM customers c
    LEFT JOIN (SELECT customer_id, least(sum(balance_fen), ${sql.raw(MAX_DAY_AUM_FEN.toString())})::bigint AS aum FROM ${sql.raw(partitionName('holdings', date))}
               WHERE ${rangeSql(sql`customer_id`, o.range)} GROUP BY customer_id) h ON h.customer_id = c.customer_id
    ${
      o.previousDay
        ? sql`LEFT JOIN ${sql.raw(partitionName('customer_aum_daily', prevDay))} p
          ON p.as_of_date = ${prevDay}::date AND p.customer_id = c.customer_id AND ${rangeSql(sql`p.customer_id`, o.range)}`
        : sql`LEFT JOIN (${previousTierSql(date)}) t ON t.customer_id = c.customer_id`
    }
    ${
      withMonths
        ? sql`LEFT JOIN (
            SELECT customer_id, count(*)::int AS n, max(${periodEnd ? sql`end_aum_fen` : sql`avg_aum_fen`}) AS hi
            FROM customer_aum_monthly WHERE month >= ${addMonths(start, -earlier)}::date AND month < ${start}::date
              AND ${rangeSql(sql`customer_id`, o.range)}
            GROUP BY customer_id) m ON m.customer_id = c.customer_id`
        : sql``
    }
    WHERE ${rangeSql(sql`c.customer_id`, o.range)}`;
  const amount = periodEnd ? sql`b.aum_fen` : sql`b.avg_fen`;
  const qualified = sql`
    SELECT b.*, ${qualifiesSql(amount, tiers)} AS qual, ${amount} AS amt FROM (${base}) b`;
  const decided = sql`
    SELECT q.*, CASE WHEN prev IS NULL OR qual > prev OR ${down} THEN qual ELSE prev END AS tier
    FROM (${qualified}) q`;
  return sql`
    SELECT ${date}::date AS as_of_date, customer_id, aum_fen, accum_fen, ${days}::int AS days, avg_fen,
           tier, ${bandSql(sql`tier`, sql`amt`, tiers)} AS band, home_org_id, prev AS prev_tier, prev_band
    FROM (${decided}) x`;
}
