/**
 * Tier dashboard for an org node and business date: customers, AUM and near-threshold counts
 * per tier, the day's and month's moves, a 90-day trend and the node's children for drill-down.
 * Org roles only: an RM's "dashboard" is their own near-threshold list.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { ORG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { currentAumDate } from '../../platform/db/state.js';
import { AppError } from '../../platform/errors.js';
import { TIERS, type Tier } from '../../domain/enums.js';
import { formatYuan } from '../../domain/money.js';
import {
  dailyOutletRows,
  hasDailyRows,
  liveOutletRows,
  monthMoves,
  processedDates,
  trendRows,
  type OutletTierRow,
} from './dashboard-queries.js';
import { breadcrumb, childrenOf, resolveNode, type OrgRef } from '../../platform/auth/org-node.js';

type PerTier = Record<Tier, number>;
const zeroTiers = (): PerTier => ({ mass: 0, premium: 0, affluent: 0, wealth: 0, private: 0 });
const nextTier = (t: Tier): Tier | null => TIERS[TIERS.indexOf(t) + 1] ?? null;

function summarise(rows: OutletTierRow[]) {
  const tiers = new Map(TIERS.map((t) => [t, { customers: 0, aumFen: 0n, near: 0, up: 0, down: 0 }]));
  for (const r of rows) {
    const s = tiers.get(r.tier)!;
    s.customers += Number(r.customers);
    s.aumFen += BigInt(r.aum);
    s.near += Number(r.near);
    s.up += Number(r.up);
    s.down += Number(r.down);
  }
  return tiers;
}

function childFigures(child: OrgRef, rows: OutletTierRow[]) {
  const mine = rows.filter((r) => r.path.startsWith(child.path));
  const tiers = zeroTiers();
  let aumFen = 0n;
  let near = 0;
  for (const r of mine) {
    tiers[r.tier] += Number(r.customers);
    aumFen += BigInt(r.aum);
    near += Number(r.near);
  }
  const customers = Object.values(tiers).reduce((a, b) => a + b, 0);
  const { path: _path, ...ref } = child;
  return { ...ref, customers, aum: formatYuan(aumFen), nearThreshold: near, tiers };
}

export async function getTierDashboard(ctx: Ctx, actor: Actor, input: { orgId?: string; date?: string }) {
  requireRole(actor, ORG_ROLES, 'the tier dashboard');
  const node = await resolveNode(ctx.db, actor, input.orgId);
  const current = await currentAumDate(ctx.db);
  const date = input.date ?? current;
  if (!date) throw new AppError('NOT_FOUND', 'no AUM loaded yet', { userMessage: 'No business date processed yet' });
  const daily = await hasDailyRows(ctx.db, date);
  if (!daily && date !== current)
    throw new AppError('NOT_FOUND', `no tier figures for ${date}`, { userMessage: `No tier figures for ${date}` });

  const [rows, month, trend, crumbs, children, dates] = await Promise.all([
    daily ? dailyOutletRows(ctx.db, node.path, date) : liveOutletRows(ctx.db, node.path, date),
    monthMoves(ctx.db, node.path, date),
    trendRows(ctx.db, node.path, date),
    breadcrumb(ctx.db, actor, node),
    childrenOf(ctx.db, node),
    processedDates(ctx.db, current),
  ]);
  const tiers = summarise(rows);
  const mtd = new Map(month.map((m) => [m.tier, m]));

  // Trend: one point per summarised date; a date not summarised yet gets today's live figures.
  const points = new Map<string, PerTier>();
  for (const r of trend) (points.get(r.date) ?? points.set(r.date, zeroTiers()).get(r.date)!)[r.tier] = r.customers;
  if (!daily) points.set(date, Object.fromEntries(TIERS.map((t) => [t, tiers.get(t)!.customers])) as PerTier);

  const tierList = TIERS.map((tier) => {
    const s = tiers.get(tier)!;
    const m = mtd.get(tier);
    return {
      tier,
      customers: s.customers,
      aum: formatYuan(s.aumFen),
      nearThreshold: s.near,
      nearBand: nextTier(tier),
      upgradesDay: s.up,
      downgradesDay: s.down,
      upgradesMonth: Number(m?.up ?? 0),
      downgradesMonth: Number(m?.down ?? 0),
    };
  });
  const sum = (
    k: 'customers' | 'nearThreshold' | 'upgradesDay' | 'downgradesDay' | 'upgradesMonth' | 'downgradesMonth',
  ) => tierList.reduce((n, t) => n + t[k], 0);
  const { path: _path, ...org } = node;
  return {
    org,
    breadcrumb: crumbs.map(({ path: _p, ...c }) => c),
    date,
    source: daily ? ('daily' as const) : ('live' as const),
    dates,
    totals: {
      customers: sum('customers'),
      aum: formatYuan([...tiers.values()].reduce((a, t) => a + t.aumFen, 0n)),
      nearThreshold: sum('nearThreshold'),
    },
    moves: {
      day: { upgrades: sum('upgradesDay'), downgrades: sum('downgradesDay') },
      month: { upgrades: sum('upgradesMonth'), downgrades: sum('downgradesMonth') },
    },
    tiers: tierList,
    trend: [...points].sort(([a], [b]) => a.localeCompare(b)).map(([d, customers]) => ({ date: d, customers })),
    children: children.map((c) => childFigures(c, rows)),
  };
}

export type TierDashboard = Awaited<ReturnType<typeof getTierDashboard>>;
