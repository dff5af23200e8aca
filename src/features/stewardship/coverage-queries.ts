/**
 * SQL of the coverage dashboard: per-outlet figures from org_stewardship_daily (written by the
 * nightly step), summed by the use case over the outlets under each node.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { likePrefix } from '../../platform/auth/scope.js';

export interface OrgCounts {
  eligible: number;
  managed: number;
  idle: number;
  unmanaged: number;
  orphaned: number;
  wrongRole: number;
  release: number;
  overCapRms: number;
}

const counts = sql`d.eligible, d.managed, d.idle, d.unmanaged, d.orphaned, d.wrong_role AS "wrongRole",
  d.release, d.over_cap_rms AS "overCapRms"`;

/** Dates with figures, newest first (the last 90). */
export async function stewardshipDates(db: AppDb): Promise<string[]> {
  const rows = await query<{ d: string }>(
    db,
    sql`SELECT DISTINCT as_of_date::text AS d FROM org_stewardship_daily ORDER BY 1 DESC LIMIT 90`,
  );
  return rows.map((r) => r.d);
}

/** Every org row of `date` under `path`, with its path. */
export function nodeRows(db: AppDb, path: string, date: string) {
  return query<OrgCounts & { path: string }>(
    db,
    sql`SELECT o.path, ${counts} FROM org_stewardship_daily d JOIN org_units o ON o.org_id = d.org_id
        WHERE d.as_of_date = ${date} AND o.path LIKE ${likePrefix(path)}`,
  );
}

/** Eligible, managed and idle under `path` for each date of the 90 days up to `date`. */
export function trendRows(db: AppDb, path: string, date: string) {
  return query<{ date: string; eligible: number; managed: number; idle: number }>(
    db,
    sql`SELECT d.as_of_date::text AS date, sum(d.eligible)::int AS eligible, sum(d.managed)::int AS managed,
               sum(d.idle)::int AS idle
        FROM org_stewardship_daily d JOIN org_units o ON o.org_id = d.org_id
        WHERE d.as_of_date > ${date}::date - 90 AND d.as_of_date <= ${date}::date AND o.path LIKE ${likePrefix(path)}
        GROUP BY 1 ORDER BY 1`,
  );
}
