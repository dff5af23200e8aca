/**
 * The caller's org subtree with counts rolled up to every node: customers, eligible (tier at or
 * above the managed-from tier), managed (eligible with an open primary RM), AUM, staff, RMs.
 * One set-based statement: per-outlet counts, then each node sums the outlets under its path.
 * Counts cover only customers the actor may see (an RM: their own book).
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { seesOwnBookOnly } from '../../platform/auth/actor.js';
import { customerScope, orgNodeScope, staffScope } from '../../platform/auth/scope.js';
import { loadSettings } from '../../platform/settings-store.js';
import { OWNER_ROLES, type OrgLevel } from '../../domain/enums.js';
import { eligibleTiers } from '../../domain/stewardship.js';
import { formatYuan } from '../../domain/money.js';
import { query } from '../../platform/db/query.js';

export async function getOrgTree(ctx: Ctx, actor: Actor) {
  const { value: s } = await loadSettings(ctx.db);
  // The domain decides which tiers must have an RM and which roles own a book; SQL takes the lists.
  const eligibleList = sql.join(
    eligibleTiers(s.stewardship).map((t) => sql`${t}::tier`),
    sql`, `,
  );
  const ownerRoles = sql.join(
    OWNER_ROLES.map((r) => sql`${r}::staff_role`),
    sql`, `,
  );
  const nodeScope = seesOwnBookOnly(actor) ? sql`o.org_id = ${actor.orgId}` : orgNodeScope(actor);
  const rows = await query(
    ctx.db,
    sql`
    WITH per_org AS (
      SELECT c.home_org_id AS org_id, count(*) AS customers,
             count(*) FILTER (WHERE c.tier IN (${eligibleList})) AS eligible,
             count(*) FILTER (WHERE c.tier IN (${eligibleList}) AND r.customer_id IS NOT NULL) AS managed,
             coalesce(sum(d.aum_fen), 0) AS aum
      FROM customers c
      LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id
           AND d.as_of_date = (SELECT value::date FROM system_state WHERE key = 'aum_as_of')
      LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
      WHERE ${customerScope(actor)}
      GROUP BY c.home_org_id
    ), staff_org AS (
      SELECT s.org_id, count(*) AS staff, count(*) FILTER (WHERE s.role IN (${ownerRoles})) AS rms
      FROM staff s WHERE s.status = 'active' AND ${staffScope(actor)} GROUP BY s.org_id
    ), leaf AS (
      SELECT o.org_id, o.path, coalesce(p.customers,0) AS customers, coalesce(p.eligible,0) AS eligible,
             coalesce(p.managed,0) AS managed, coalesce(p.aum,0) AS aum, coalesce(so.staff,0) AS staff, coalesce(so.rms,0) AS rms
      FROM org_units o LEFT JOIN per_org p ON p.org_id = o.org_id LEFT JOIN staff_org so ON so.org_id = o.org_id
    )
    SELECT o.org_id, o.parent_id, o.level, o.name, o.depth,
           sum(l.customers)::int AS customers, sum(l.eligible)::int AS eligible, sum(l.managed)::int AS managed,
           sum(l.aum)::text AS aum, sum(l.staff)::int AS staff, sum(l.rms)::int AS rms
    FROM org_units o JOIN leaf l ON l.path LIKE o.path || '%'
    WHERE ${nodeScope}
    GROUP BY o.org_id, o.parent_id, o.level, o.name, o.depth, o.path
    ORDER BY o.path`,
  );
  return {
    nodes: rows.map((r) => {
      const el = Number(r.eligible);
      const managed = Number(r.managed);
      return {
        orgId: String(r.org_id),
        // The caller's own node is the root of what they see.
        parentId: String(r.org_id) === actor.orgId ? null : (r.parent_id as string | null),
        level: r.level as OrgLevel,
        name: String(r.name),
        customers: Number(r.customers),
        eligible: el,
        managed,
        coveragePct: el > 0 ? Math.round((managed * 1000) / el) / 10 : null,
        aum: formatYuan(BigInt(String(r.aum ?? '0'))),
        staff: Number(r.staff),
        rms: Number(r.rms),
      };
    }),
  };
}
