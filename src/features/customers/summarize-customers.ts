/**
 * Book / org summary in one scan: customers and AUM per tier, near-threshold counts per band,
 * managed vs unmanaged among eligible tiers, and the business date those figures are for. Same
 * scope and filters as the list.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { query } from '../../platform/db/query.js';
import { loadSettings } from '../../platform/settings-store.js';
import { BANDS, TIERS, type Band, type Tier } from '../../domain/enums.js';
import { isEligibleTier } from '../../domain/stewardship.js';
import { formatYuan } from '../../domain/money.js';
import { currentAumDate } from '../../platform/db/state.js';
import { listConditions, type ListCustomersInput } from './list-customers.js';
import { groupsCanAnswer, populationGroups, selectGroups } from './population-groups.js';

export async function summarizeCustomers(ctx: Ctx, actor: Actor, f: Pick<ListCustomersInput, 'orgId' | 'rmId'>) {
  const { value: s } = await loadSettings(ctx.db);
  const asOf = await currentAumDate(ctx.db);
  const rows = groupsCanAnswer(actor, f)
    ? selectGroups(await populationGroups(ctx.db), actor, f)
    : (
        await query<{ tier: Tier; band: Band | null; managed: boolean; n: number; aum: string }>(
          ctx.db,
          sql`SELECT c.tier, c.band,
                     EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.customer_id AND r.ended_on IS NULL) AS managed,
                     count(*)::int AS n, coalesce(sum(d.aum_fen), 0)::text AS aum
              FROM customers c
              LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${asOf}
              WHERE ${listConditions(actor, f)}
              GROUP BY 1, 2, 3`,
        )
      ).map((r) => ({ tier: r.tier, band: r.band, managed: r.managed, customers: r.n, aumFen: BigInt(r.aum) }));
  const byTier = new Map(TIERS.map((t) => [t, { customers: 0, aumFen: 0n }]));
  const byBand = new Map<Band, number>(BANDS.map((t) => [t, 0]));
  let managed = 0;
  let unmanaged = 0;
  let totalFen = 0n;
  let total = 0;
  for (const r of rows) {
    const t = byTier.get(r.tier)!;
    t.customers += r.customers;
    t.aumFen += r.aumFen;
    totalFen += r.aumFen;
    total += r.customers;
    if (r.band) byBand.set(r.band, (byBand.get(r.band) ?? 0) + r.customers);
    if (isEligibleTier(r.tier, s.stewardship)) {
      if (r.managed) managed += r.customers;
      else unmanaged += r.customers;
    }
  }
  return {
    asOf,
    customers: total,
    aum: formatYuan(totalFen),
    tiers: TIERS.map((tier) => ({
      tier,
      customers: byTier.get(tier)!.customers,
      aum: formatYuan(byTier.get(tier)!.aumFen),
    })),
    bands: [...byBand].map(([band, customers]) => ({ band, customers })),
    eligible: managed + unmanaged,
    managed,
    unmanaged,
  };
}
