/**
 * Near-threshold (临界) customers: band = the tier they are close to, in the actor's scope,
 * with month-average AUM of the current business date. Sorted by gap to the floor, smallest
 * first (= largest average first), so the easiest upgrades lead the list.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { customerScope } from '../../platform/auth/scope.js';
import { query } from '../../platform/db/query.js';
import type { Band, Tier } from '../../domain/enums.js';

export interface NearRow {
  customer_id: string;
  name: string;
  tier: Tier;
  avg: string;
  rm_id: string | null;
  rm_name: string | null;
  org_id: string;
  org_name: string;
}

export function nearConditions(actor: Actor, band: Band, orgId?: string): SQL {
  const conds = [customerScope(actor), sql`c.band = ${band}`];
  if (orgId)
    conds.push(
      sql`c.home_org_id IN (SELECT so.org_id FROM org_units so, org_units fo WHERE fo.org_id = ${orgId} AND so.path LIKE fo.path || '%')`,
    );
  return sql.join(conds, sql` AND `);
}

export function nearRows(db: AppDb, where: SQL, asOf: string | null, page?: { limit: number; offset: number }) {
  return query<NearRow>(
    db,
    sql`SELECT c.customer_id, c.name, c.tier, coalesce(d.avg_fen, 0)::text AS avg,
               r.staff_id AS rm_id, s.name AS rm_name, c.home_org_id AS org_id, o.name AS org_name
        FROM customers c
        LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${asOf}
        JOIN org_units o ON o.org_id = c.home_org_id
        LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
        LEFT JOIN staff s ON s.staff_id = r.staff_id
        WHERE ${where}
        ORDER BY coalesce(d.avg_fen, 0) DESC, c.customer_id
        ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );
}

export async function nearCount(db: AppDb, where: SQL): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM customers c WHERE ${where}`);
  return Number(r?.n ?? 0);
}
