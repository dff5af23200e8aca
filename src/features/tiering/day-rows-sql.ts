/**
 * The SELECT that produces a day's customer_aum_daily rows, tier decision included (the day rows
 * carry tier, band and home outlet, so the decision must be made before the partition exists).
 * Per customer, over the whole population in one statement:
 *   aum    = sum of D's holdings (absent: 0); accum (积数) = D−1's accum + aum, restarting on
 *            the 1st; avg = accum / days, rounded down to the fen;
 *   prev   = tier as of D−1: the latest tier_history row before D (none: first evaluation);
 *   months = on a month end, the earlier months of the downgrade window from
 *            customer_aum_monthly as count and maximum ("all below the floor" ⇔ max < floor);
 *   tier, band as domain/tiering.ts evaluateTier decides (the integration test checks it
 *   customer by customer). Ladder values are bound parameters from the run's settings.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths } from '../../domain/dates.js';
import type { Settings } from '../../domain/settings.js';
import { partitionName } from '../../platform/db/partitions.js';
import { dayOfMonth, isMonthEnd, monthStartOf } from './day-tables.js';
import { bandSql, floorOfSql, qualifiesSql } from './tier-sql.js';

/** tier as of the day before D, with the date it was reached */
export const previousTierSql = (date: string): SQL => sql`
  SELECT DISTINCT ON (customer_id) customer_id, to_tier AS tier, changed_on
  FROM tier_history WHERE changed_on < ${date}::date
  ORDER BY customer_id, changed_on DESC, id DESC`;

export function dayRowsSql(date: string, tiers: Settings['tiers']): SQL {
  const days = dayOfMonth(date);
  const carried = days > 1;
  const aum = sql`coalesce(h.aum, 0)`;
  const accum = carried ? sql`coalesce(p.accum_fen, 0) + ${aum}` : aum;
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
           t.tier AS prev ${withMonths ? sql`, m.n, m.hi` : sql``}
    FROM customers c
    LEFT JOIN (SELECT customer_id, sum(balance_fen)::bigint AS aum FROM ${sql.raw(partitionName('holdings', date))}
               GROUP BY customer_id) h ON h.customer_id = c.customer_id
    ${
      carried
        ? sql`LEFT JOIN ${sql.raw(partitionName('customer_aum_daily', addDays(date, -1)))} p
          ON p.as_of_date = ${addDays(date, -1)}::date AND p.customer_id = c.customer_id`
        : sql``
    }
    LEFT JOIN (${previousTierSql(date)}) t ON t.customer_id = c.customer_id
    ${
      withMonths
        ? sql`LEFT JOIN (
            SELECT customer_id, count(*)::int AS n, max(${periodEnd ? sql`end_aum_fen` : sql`avg_aum_fen`}) AS hi
            FROM customer_aum_monthly WHERE month >= ${addMonths(start, -earlier)}::date AND month < ${start}::date
            GROUP BY customer_id) m ON m.customer_id = c.customer_id`
        : sql``
    }`;
  const amount = periodEnd ? sql`b.aum_fen` : sql`b.avg_fen`;
  const qualified = sql`
    SELECT b.*, ${qualifiesSql(amount, tiers)} AS qual, ${amount} AS amt FROM (${base}) b`;
  const decided = sql`
    SELECT q.*, CASE WHEN prev IS NULL OR qual > prev OR ${down} THEN qual ELSE prev END AS tier
    FROM (${qualified}) q`;
  return sql`
    SELECT ${date}::date AS as_of_date, customer_id, aum_fen, accum_fen, ${days}::int AS days, avg_fen,
           tier, ${bandSql(sql`tier`, sql`amt`, tiers)} AS band, home_org_id
    FROM (${decided}) x`;
}
