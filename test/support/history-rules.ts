/**
 * What a bank's stored history must satisfy (DOMAIN.md §2), checked in SQL over the whole
 * population; each check returns how many rows break it, so a failure names the rule.
 * Tier ranks compare as the `tier` enum orders them (mass < premium < … < private).
 */
import { sql, type SQL } from 'drizzle-orm';
import { TIERS, type Settings } from '../../src/domain/settings.js';
import type { AppDb } from '../../src/platform/db/client.js';
import { query } from '../../src/platform/db/query.js';

/** the highest tier whose floor `amount` reaches, from the settings' floors */
const qualifies = (amount: SQL, t: Settings['tiers']) =>
  sql`(CASE ${sql.join(
    [...TIERS].reverse().map((x) => sql`WHEN ${amount} >= ${t.floorsFen[x].toString()}::bigint THEN ${x}::tier`),
    sql` `,
  )} END)`;
const floorOf = (tier: SQL, t: Settings['tiers']) =>
  sql`(CASE ${tier} ${sql.join(
    TIERS.map((x) => sql`WHEN ${x}::tier THEN ${t.floorsFen[x].toString()}::bigint`),
    sql` `,
  )} END)`;

export interface HistoryFacts {
  trendDays: number;
  firstDay: string;
  lastDay: string;
  closedMonths: number;
  problems: Record<string, number>;
}

export async function historyFacts(db: AppDb, asOf: string, t: Settings['tiers']): Promise<HistoryFacts> {
  const one = async (q: SQL) => Number((await query<{ n: number }>(db, q))[0]!.n);
  const [span] = await query<{ days: number; first: string; last: string; months: number }>(
    db,
    sql`SELECT (SELECT count(DISTINCT as_of_date) FROM org_tier_daily)::int AS days,
               (SELECT min(as_of_date)::text FROM org_tier_daily) AS first,
               (SELECT max(as_of_date)::text FROM org_tier_daily) AS last,
               (SELECT count(DISTINCT month) FROM customer_aum_monthly)::int AS months`,
  );
  // the latest history row per customer
  const latest = sql`(SELECT DISTINCT ON (customer_id) customer_id, to_tier, changed_on FROM tier_history
      ORDER BY customer_id, changed_on DESC, id DESC)`;
  const checks: Record<string, SQL> = {
    // org_tier_daily: every day of the span, every customer every day
    'trend has a gap': sql`SELECT (max(as_of_date) - min(as_of_date) + 1 - count(DISTINCT as_of_date))::int AS n FROM org_tier_daily`,
    'trend day without every customer': sql`SELECT count(*)::int AS n FROM (SELECT as_of_date FROM org_tier_daily
        GROUP BY 1 HAVING sum(customers) <> (SELECT count(*) FROM customers)) x`,
    // a day's count per outlet and tier is the day before's plus the changes into it, minus those out of it
    'trend count does not follow tier_history': sql`
        WITH days AS (SELECT DISTINCT as_of_date AS d FROM org_tier_daily),
        cells AS (SELECT d.d, o.org_id, t.tier FROM days d CROSS JOIN (SELECT DISTINCT home_org_id AS org_id FROM customers) o
                  CROSS JOIN unnest(enum_range(NULL::tier)) t(tier)),
        counts AS (SELECT x.d, x.org_id, x.tier, coalesce(o.customers, 0) AS n FROM cells x
                   LEFT JOIN org_tier_daily o ON o.as_of_date = x.d AND o.org_id = x.org_id AND o.tier = x.tier),
        moves AS (SELECT h.changed_on AS d, c.home_org_id AS org_id, m.tier, sum(m.delta) AS delta
                  FROM tier_history h JOIN customers c USING (customer_id)
                  CROSS JOIN LATERAL (VALUES (h.to_tier, 1), (coalesce(h.from_tier, 'mass'), -1)) m(tier, delta)
                  GROUP BY 1, 2, 3)
        SELECT count(*)::int AS n FROM counts a JOIN counts b ON b.d = a.d - 1 AND b.org_id = a.org_id AND b.tier = a.tier
        LEFT JOIN moves m ON m.d = a.d AND m.org_id = a.org_id AND m.tier = a.tier
        WHERE a.n <> b.n + coalesce(m.delta, 0)`,
    'trend moves differ from tier_history': sql`
        SELECT count(*)::int AS n FROM org_tier_daily o FULL JOIN (
          SELECT h.changed_on AS d, c.home_org_id AS org_id, h.to_tier AS tier,
                 count(*) FILTER (WHERE reason = 'upgrade') AS up, count(*) FILTER (WHERE reason = 'downgrade') AS down
          FROM tier_history h JOIN customers c USING (customer_id) WHERE reason IN ('upgrade', 'downgrade') GROUP BY 1, 2, 3
        ) m ON m.d = o.as_of_date AND m.org_id = o.org_id AND m.tier = o.tier
        WHERE coalesce(o.upgrades, 0) <> coalesce(m.up, 0) OR coalesce(o.downgrades, 0) <> coalesce(m.down, 0)`,
    'latest trend day differs from the customers': sql`
        SELECT count(*)::int AS n FROM org_tier_daily o FULL JOIN (
          SELECT home_org_id AS org_id, tier, count(*) AS customers, count(band) AS near FROM customers GROUP BY 1, 2
        ) c ON c.org_id = o.org_id AND c.tier = o.tier
        WHERE (o.as_of_date = ${asOf}::date OR o.as_of_date IS NULL) AND
              (o.customers IS DISTINCT FROM c.customers::int OR o.near_threshold IS DISTINCT FROM c.near::int)`,
    // customer_aum_monthly: every customer, every closed month, months contiguous
    'customer without every closed month': sql`SELECT count(*)::int AS n FROM customers c
        LEFT JOIN (SELECT customer_id, count(*) AS k FROM customer_aum_monthly GROUP BY 1) m USING (customer_id)
        WHERE coalesce(m.k, 0) <> (SELECT count(DISTINCT month) FROM customer_aum_monthly)`,
    'closed months not contiguous': sql`SELECT (count(*) - 1 - (extract(year FROM age(max(month), min(month))) * 12
        + extract(month FROM age(max(month), min(month)))))::int AS n FROM (SELECT DISTINCT month FROM customer_aum_monthly) x`,
    'month row of an unfinished month': sql`SELECT count(*)::int AS n FROM customer_aum_monthly
        WHERE (month + interval '1 month')::date - 1 > ${asOf}::date`,
    // tier_history: a chain per customer that starts with 'initial' and ends in the current tier
    'history chain broken': sql`SELECT count(*)::int AS n FROM (
        SELECT from_tier, to_tier, reason, lag(to_tier) OVER w AS before, row_number() OVER w AS k
        FROM tier_history WINDOW w AS (PARTITION BY customer_id ORDER BY changed_on, id)) x
        WHERE (k = 1 AND (from_tier IS NOT NULL OR reason <> 'initial' OR to_tier = 'mass'))
           OR (k > 1 AND (from_tier IS DISTINCT FROM before OR reason <> CASE WHEN to_tier > from_tier THEN 'upgrade' ELSE 'downgrade' END
                          OR to_tier = from_tier))`,
    'two changes on one day': sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM tier_history GROUP BY customer_id, changed_on HAVING count(*) > 1) x`,
    'history does not end in the current tier': sql`SELECT count(*)::int AS n FROM customers c
        LEFT JOIN ${latest} h USING (customer_id)
        WHERE c.tier <> coalesce(h.to_tier, 'mass') OR c.tier_since <> coalesce(h.changed_on, c.tier_since)`,
    // downgrades: a month end, that month and the ones before it below the floor, to the tier it qualifies for
    'downgrade not on a month end': sql`SELECT count(*)::int AS n FROM tier_history
        WHERE reason = 'downgrade' AND extract(day FROM changed_on + 1) <> 1`,
    'downgrade without its months below the floor': sql`SELECT count(*)::int AS n FROM tier_history h
        WHERE h.reason = 'downgrade' AND (
          (SELECT count(*) FROM customer_aum_monthly m WHERE m.customer_id = h.customer_id
             AND m.month > (date_trunc('month', h.changed_on) - make_interval(months => ${t.downgradeMonths}))::date
             AND m.month <= h.changed_on AND m.avg_aum_fen < ${floorOf(sql`h.from_tier`, t)}) <> ${t.downgradeMonths}::int
          OR h.to_tier <> (SELECT ${qualifies(sql`m.avg_aum_fen`, t)} FROM customer_aum_monthly m
                           WHERE m.customer_id = h.customer_id AND m.month = date_trunc('month', h.changed_on)::date))`,
    // a month's average reached a floor, so by its last day the customer was at least in that tier
    'month end below the tier its average qualifies for': sql`SELECT count(*)::int AS n FROM (
        SELECT DISTINCT ON (m.customer_id, m.month) m.avg_aum_fen, coalesce(h.to_tier, 'mass') AS tier
        FROM customer_aum_monthly m LEFT JOIN tier_history h
          ON h.customer_id = m.customer_id AND h.changed_on < (m.month + interval '1 month')::date
        ORDER BY m.customer_id, m.month, h.changed_on DESC NULLS LAST, h.id DESC) x
        WHERE x.tier < ${qualifies(sql`x.avg_aum_fen`, t)}`,
    // the current day: every customer's tier is its month-to-date average's (what the seed promises)
    'current tier is not the month average’s': sql`SELECT count(*)::int AS n FROM customers c
        JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${asOf}::date
        WHERE d.tier <> c.tier OR d.band IS DISTINCT FROM c.band OR c.tier <> ${qualifies(sql`d.avg_fen`, t)}`,
  };
  const problems: Record<string, number> = {};
  for (const [name, q] of Object.entries(checks)) problems[name] = await one(q);
  return {
    trendDays: span!.days,
    firstDay: span!.first,
    lastDay: span!.last,
    closedMonths: span!.months,
    problems,
  };
}
