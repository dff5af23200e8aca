/**
 * Customer counts and AUM grouped by (home outlet, tier, band, managed), cached per database and
 * refreshed when data_versions.customers moves (statement triggers on customers, relationships
 * and org_units). At a million customers an exact count(*) over a branch costs ~100 ms; summing
 * at most a few thousand cached groups costs microseconds and is still exact.
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import type { Actor } from '../../platform/auth/actor.js';
import { seesOwnBookOnly } from '../../platform/auth/actor.js';
import { orgPathInScope } from '../../platform/auth/scope.js';
import type { Band, Tier } from '../../domain/enums.js';

export interface PopulationGroup {
  outletPath: string;
  tier: Tier;
  band: Band | null;
  managed: boolean;
  customers: number;
  aumFen: bigint;
}

const cache = new WeakMap<AppDb, { version: string; groups: Promise<PopulationGroup[]> }>();

async function computeGroups(db: AppDb, asOf: string | null): Promise<PopulationGroup[]> {
  const rows = await query<{ path: string; tier: Tier; band: Band | null; managed: boolean; n: number; aum: string }>(
    db,
    sql`SELECT o.path, g.tier, g.band, g.managed, g.n, g.aum
        FROM (SELECT c.home_org_id, c.tier, c.band, (r.customer_id IS NOT NULL) AS managed,
                     count(*)::int AS n, coalesce(sum(d.aum_fen), 0)::text AS aum
              FROM customers c
              LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${asOf}
              LEFT JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL
              GROUP BY 1, 2, 3, 4) g
        JOIN org_units o ON o.org_id = g.home_org_id`,
  );
  return rows.map((r) => ({
    outletPath: r.path,
    tier: r.tier,
    band: r.band,
    managed: r.managed,
    customers: r.n,
    aumFen: BigInt(r.aum),
  }));
}

export async function populationGroups(db: AppDb): Promise<PopulationGroup[]> {
  const [v] = await query<{ version: string }>(
    db,
    sql`SELECT version::text AS version FROM data_versions WHERE name = 'customers'`,
  );
  // The AUM date is part of the key: a batch can move AUM without changing any tier.
  const asOf = await currentAumDate(db);
  const version = `${v?.version ?? '0'}@${asOf ?? ''}`;
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.groups;
  const entry = { version, groups: computeGroups(db, asOf) };
  cache.set(db, entry);
  entry.groups.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return entry.groups;
}

export interface GroupFilter {
  tier?: Tier;
  band?: Band;
  orgId?: string;
  managed?: boolean;
  eligible?: boolean;
  /** the tiers that must have a primary RM; needed with `managed` or `eligible` */
  eligibleTiers?: Tier[];
}

/** Whether counts for this actor and filter can come from the groups (org-scoped, no per-customer filter). */
export const groupsCanAnswer = (actor: Actor, f: { q?: string; rmId?: string }) =>
  !seesOwnBookOnly(actor) && !f.q && !f.rmId;

/**
 * The groups the actor may see (the same org-scope rule as the SQL lists, from scope.ts) that
 * match the filter.
 */
export function selectGroups(groups: PopulationGroup[], actor: Actor, f: GroupFilter): PopulationGroup[] {
  return groups.filter(
    (g) =>
      orgPathInScope(actor, g.outletPath) &&
      (!f.orgId || g.outletPath.includes(`/${f.orgId}/`)) &&
      (!f.tier || g.tier === f.tier) &&
      (!f.band || g.band === f.band) &&
      (f.managed === undefined || g.managed === f.managed) &&
      ((f.managed === undefined && !f.eligible) || (f.eligibleTiers ?? []).includes(g.tier)),
  );
}
