/**
 * SQL of the over-cap list, the low-asset release list and an RM's book, all read from
 * customer_stewardship (the latest processed date's state) and limited by scope.ts: staffScope
 * for RMs (an RM sees only themselves), customerScope for customers (an RM: their own book).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { customerScope, likePrefix, staffScope } from '../../platform/auth/scope.js';
import { query } from '../../platform/db/query.js';
import type { Band, StaffRole, StewardshipState, Tier } from '../../domain/enums.js';
import type { Settings } from '../../domain/settings.js';
import { bookTable, capacityTable } from './stewardship-sql.js';

export async function stewardshipAsOf(db: AppDb): Promise<string | null> {
  const [r] = await query<{ d: string | null }>(db, sql`SELECT max(as_of_date)::text AS d FROM customer_stewardship`);
  return r?.d ?? null;
}

export interface OverCapRow {
  staffId: string;
  name: string;
  role: StaffRole;
  orgId: string;
  orgName: string;
  load: number;
  cap: number;
  idle: number;
}

/** Active RMs in scope (and under `path`, when given) whose book exceeds their role's capacity, largest excess first. */
export function overCapRows(db: AppDb, actor: Actor, s: Settings['stewardship'], path?: string) {
  return query<OverCapRow>(
    db,
    sql`SELECT st.staff_id AS "staffId", st.name, st.role, st.org_id AS "orgId", o.name AS "orgName",
               book.load, cap.cap, book.idle
        FROM ${bookTable}
        JOIN staff st ON st.staff_id = book.staff_id
        JOIN org_units o ON o.org_id = st.org_id
        JOIN ${capacityTable(s)} ON cap.role = st.role::text
        WHERE st.status = 'active' AND book.load > cap.cap AND ${staffScope(actor, 'st')}
          ${path ? sql`AND o.path LIKE ${likePrefix(path)}` : sql``}
        ORDER BY book.load - cap.cap DESC, st.staff_id`,
  );
}

export interface ReleaseRow {
  customer_id: string;
  name: string;
  tier: Tier;
  band: Band | null;
  avg: string;
  rm_id: string;
  rm_name: string;
  org_id: string;
  org_name: string;
  since: string | null;
  last_valid: string | null;
}

/** Conditions of the release list: state release, the customer in scope, under `path` when given. */
export function releaseConditions(actor: Actor, path?: string): SQL {
  const conds = [sql`cs.state = 'release'`, customerScope(actor)];
  if (path) conds.push(sql`o.path LIKE ${likePrefix(path)}`);
  return sql.join(conds, sql` AND `);
}

const releaseFrom = sql`customer_stewardship cs
  JOIN customers c ON c.customer_id = cs.customer_id
  JOIN org_units o ON o.org_id = c.home_org_id`;

/** Highest month-average first: the customers nearest the floor (kept) lead, ties by customer number. */
export function releaseRows(db: AppDb, where: SQL, asOf: string | null, page?: { limit: number; offset: number }) {
  return query<ReleaseRow>(
    db,
    sql`SELECT c.customer_id, c.name, cs.tier, c.band, coalesce(d.avg_fen, 0)::text AS avg,
               cs.staff_id AS rm_id, st.name AS rm_name, c.home_org_id AS org_id, o.name AS org_name,
               cs.since::text AS since, cs.last_valid_contact_on::text AS last_valid
        FROM ${releaseFrom}
        JOIN staff st ON st.staff_id = cs.staff_id
        LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${asOf}
        WHERE ${where}
        ORDER BY coalesce(d.avg_fen, 0) DESC, c.customer_id
        ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );
}

export async function releaseCount(db: AppDb, where: SQL): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${releaseFrom} WHERE ${where}`);
  return Number(r?.n ?? 0);
}

export interface StaffRef {
  staffId: string;
  name: string;
  role: StaffRole;
  orgId: string;
  orgName: string;
}

/** The staff member if the actor may see them (an RM: only themselves). */
export async function staffInScope(db: AppDb, actor: Actor, staffId: string): Promise<StaffRef | undefined> {
  const [r] = await query<StaffRef>(
    db,
    sql`SELECT st.staff_id AS "staffId", st.name, st.role, st.org_id AS "orgId", o.name AS "orgName"
        FROM staff st JOIN org_units o ON o.org_id = st.org_id
        WHERE st.staff_id = ${staffId} AND ${staffScope(actor, 'st')}`,
  );
  return r;
}

export function bookStates(db: AppDb, staffId: string) {
  return query<{ state: StewardshipState; n: number }>(
    db,
    sql`SELECT state, count(*)::int AS n FROM customer_stewardship WHERE staff_id = ${staffId} GROUP BY state`,
  );
}
