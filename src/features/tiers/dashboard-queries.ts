/**
 * SQL for the tier dashboard. Per-outlet figures come from org_tier_daily (written by the nightly
 * batch); for a date the batch has not summarised yet (a fresh seed) the same shape is computed
 * from customers + customer_aum_daily in one GROUP BY. Amounts and dates are cast to text so
 * PGlite and node-postgres return the same shapes.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { likePrefix } from '../../platform/auth/scope.js';
import type { Tier } from '../../domain/enums.js';

export interface OutletTierRow {
  path: string;
  tier: Tier;
  customers: number;
  aum: string;
  near: number;
  up: number;
  down: number;
}

export async function hasDailyRows(db: AppDb, date: string): Promise<boolean> {
  const [r] = await query<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM org_tier_daily WHERE as_of_date = ${date}) AS ok`,
  );
  return Boolean(r?.ok);
}

/** Outlet × tier figures for `date` under `path`, from org_tier_daily. */
export function dailyOutletRows(db: AppDb, path: string, date: string): Promise<OutletTierRow[]> {
  return query<OutletTierRow>(
    db,
    sql`SELECT o.path, t.tier, t.customers, t.aum_fen::text AS aum, t.near_threshold AS near,
               t.upgrades AS up, t.downgrades AS down
        FROM org_tier_daily t JOIN org_units o ON o.org_id = t.org_id
        WHERE t.as_of_date = ${date} AND o.path LIKE ${likePrefix(path)}`,
  );
}

/**
 * The same figures computed live: current tier and band on customers, AUM of `date`, and the
 * day's moves from tier_history. Only meaningful for the current AUM date.
 */
export async function liveOutletRows(db: AppDb, path: string, date: string): Promise<OutletTierRow[]> {
  const under = sql`(SELECT u.org_id FROM org_units u WHERE u.path LIKE ${likePrefix(path)})`;
  const [counts, moves] = await Promise.all([
    query<OutletTierRow>(
      db,
      sql`SELECT o.path, g.tier, g.customers, g.aum, g.near, 0 AS up, 0 AS down
          FROM (SELECT c.home_org_id, c.tier, count(*)::int AS customers,
                       coalesce(sum(d.aum_fen), 0)::text AS aum, count(c.band)::int AS near
                FROM customers c
                LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${date}
                WHERE c.home_org_id IN ${under}
                GROUP BY 1, 2) g
          JOIN org_units o ON o.org_id = g.home_org_id`,
    ),
    query<OutletTierRow>(
      db,
      sql`SELECT o.path, h.to_tier AS tier, 0 AS customers, '0' AS aum, 0 AS near,
                 count(*) FILTER (WHERE h.to_tier > h.from_tier)::int AS up,
                 count(*) FILTER (WHERE h.to_tier < h.from_tier)::int AS down
          FROM tier_history h JOIN customers c ON c.customer_id = h.customer_id
          JOIN org_units o ON o.org_id = c.home_org_id
          WHERE h.changed_on = ${date} AND h.from_tier IS NOT NULL AND c.home_org_id IN ${under}
          GROUP BY o.path, h.to_tier`,
    ),
  ]);
  return [...counts, ...moves];
}

/**
 * Upgrades and downgrades per tier from the 1st of the month to `date`: days the batch has
 * summarised come from org_tier_daily, the others from tier_history, so each day counts once.
 */
export function monthMoves(db: AppDb, path: string, date: string) {
  const month = sql`date_trunc('month', ${date}::date)::date`;
  return query<{ tier: Tier; up: number; down: number }>(
    db,
    sql`WITH summarised AS (
          SELECT DISTINCT as_of_date FROM org_tier_daily WHERE as_of_date BETWEEN ${month} AND ${date}::date
        ), moves AS (
          SELECT t.tier, t.upgrades AS up, t.downgrades AS down
          FROM org_tier_daily t JOIN org_units o ON o.org_id = t.org_id
          WHERE t.as_of_date BETWEEN ${month} AND ${date}::date AND o.path LIKE ${likePrefix(path)}
          UNION ALL
          SELECT h.to_tier, (h.to_tier > h.from_tier)::int, (h.to_tier < h.from_tier)::int
          FROM tier_history h JOIN customers c ON c.customer_id = h.customer_id
          JOIN org_units o ON o.org_id = c.home_org_id
          WHERE h.changed_on BETWEEN ${month} AND ${date}::date AND h.from_tier IS NOT NULL
            AND h.changed_on NOT IN (SELECT as_of_date FROM summarised) AND o.path LIKE ${likePrefix(path)}
        )
        SELECT tier, sum(up)::int AS up, sum(down)::int AS down FROM moves GROUP BY tier`,
  );
}

/** Customers per tier for each summarised date in the 90 days up to `date`. */
export function trendRows(db: AppDb, path: string, date: string) {
  return query<{ date: string; tier: Tier; customers: number }>(
    db,
    sql`SELECT t.as_of_date::text AS date, t.tier, sum(t.customers)::int AS customers
        FROM org_tier_daily t JOIN org_units o ON o.org_id = t.org_id
        WHERE t.as_of_date > ${date}::date - 90 AND t.as_of_date <= ${date}::date AND o.path LIKE ${likePrefix(path)}
        GROUP BY 1, 2 ORDER BY 1`,
  );
}

/** Dates the dashboard can show, newest first: summarised dates plus the current AUM date. */
export async function processedDates(db: AppDb, current: string | null): Promise<string[]> {
  const rows = await query<{ d: string }>(
    db,
    sql`SELECT DISTINCT as_of_date::text AS d FROM org_tier_daily ORDER BY 1 DESC LIMIT 90`,
  );
  const all = new Set(rows.map((r) => r.d));
  if (current) all.add(current);
  return [...all].sort().reverse();
}
