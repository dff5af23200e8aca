/**
 * A customer's AUM history, built so the seeded state obeys the tier rules of DOMAIN.md §2:
 * - this month's daily totals come from the daily walk (aum-walk.ts);
 * - a monthly random walk gives the earlier months of customer_aum_monthly;
 * - replaying the upgrade / hysteresis-downgrade rules over those months gives tier_history,
 *   which ends in the tier the month average qualifies for (see clampRecent for why it must).
 */
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { TIERS, type Tier, type TierChange } from '../domain/enums.js';
import { tierForAmount } from '../domain/tiers.js';
import { aumNow, dailyFen, rank, type AumNow, type Walk } from './aum-walk.js';
import { monthStart, ymd } from './days.js';
import { Rng, TAG } from './prng.js';

const T = DEFAULT_SETTINGS.tiers;
const FLOORS = T.floorsFen;

export interface MonthRow {
  month: number;
  avgFen: bigint;
  endFen: bigint;
}
export interface TierRow {
  day: number;
  from: Tier | null;
  to: Tier;
  reason: TierChange;
}
// the same dozen month starts for every customer: computed once per asOf
let startsKey = '';
let startsCache: number[] = [];
function monthStarts(asOf: number, n: number): number[] {
  const key = `${asOf}/${n}`;
  if (key !== startsKey) {
    startsCache = Array.from({ length: n }, (_, k) => monthStart(asOf, -k));
    startsKey = key;
  }
  return startsCache;
}

export interface AumHistory extends AumNow {
  tierSince: number;
  months: MonthRow[];
  tiers: TierRow[];
}

export function aumHistory(
  seed: number,
  index: number,
  walk: Walk,
  asOf: number,
  openDay: number,
  monthsWanted: number,
): AumHistory {
  const mtd = ymd(asOf)[2];
  const days = dailyFen(walk.aumFen, walk.f, mtd);
  const { accumFen, mtdDays, monthAvgFen, tier, band } = aumNow(walk, asOf, days);
  const r = new Rng(seed, TAG.monthly, index);
  // newest first while walking backwards
  const starts = monthStarts(asOf, monthsWanted);
  const rows: MonthRow[] = [{ month: starts[0]!, avgFen: monthAvgFen, endFen: walk.aumFen }];
  let avg = Number(monthAvgFen);
  for (let k = 1; k < monthsWanted; k++) {
    // drifting up slowly (so backwards: down), now and then a big move (a maturity, a house)
    const jump = r.chance(0.02) ? 0.35 * r.normal() : 0;
    avg *= Math.exp(-0.004 + 0.05 * r.normal() + jump);
    const end = avg * Math.exp(0.04 * r.normal());
    rows.push({ month: starts[k]!, avgFen: BigInt(Math.round(avg)), endFen: BigInt(Math.round(end)) });
  }
  clampRecent(r, rows, tier);
  const months = rows.filter((m) => m.month >= monthStart(openDay)).reverse();
  const tiers = replayTiers(r, months, days, Math.max(openDay, months[0]!.month));
  const last = tiers[tiers.length - 1];
  const tierSince = last ? last.day : Math.max(openDay, months[0]!.month);
  const kept = tiers.some((t) => t.to !== 'mass') ? tiers : [];
  return { accumFen, mtdDays, monthAvgFen, tier, band, tierSince, months, tiers: kept };
}

/**
 * The months just before the current one may not qualify above today's tier: otherwise the
 * hysteresis rule would still hold the customer in that higher tier today, and the seeded tier
 * (the month average's) would contradict the history. Older months may: those customers show
 * a completed downgrade.
 */
function clampRecent(r: Rng, rows: MonthRow[], tier: Tier): void {
  const next = TIERS[rank(tier) + 1];
  if (!next) return;
  const cap = FLOORS[next];
  for (let k = 1; k <= T.downgradeMonths && k < rows.length; k++) {
    const m = rows[k]!;
    if (m.avgFen >= cap) m.avgFen = (cap * BigInt(90 + Math.floor(r.next() * 9))) / 100n;
    if (m.endFen >= cap) m.endFen = (m.avgFen * 101n) / 100n;
  }
}

/** DOMAIN.md §2 rules at month granularity; this month day by day from its daily totals */
function replayTiers(r: Rng, months: MonthRow[], today: bigint[], firstDay: number): TierRow[] {
  const out: TierRow[] = [];
  const current = months.length - 1;
  let tier = tierForAmount(current === 0 ? today[0]! : months[0]!.avgFen, FLOORS);
  out.push({ day: firstDay, from: null, to: tier, reason: 'initial' });
  for (let i = 0; i < months.length; i++) {
    const m = months[i]!;
    if (i === current) {
      if (rank(tier) >= rank(tierForAmount(m.avgFen, FLOORS))) break;
      let s = 0n;
      today.forEach((d, j) => {
        s += d;
        const t = tierForAmount(s / BigInt(j + 1), FLOORS);
        if (rank(t) > rank(tier)) out.push({ day: m.month + j, from: tier, to: (tier = t), reason: 'upgrade' });
      });
      break;
    }
    const qualifies = tierForAmount(m.avgFen, FLOORS);
    const end = months[i + 1]!.month - 1;
    if (i > 0 && rank(qualifies) > rank(tier)) {
      const day = m.month + Math.floor(r.next() * (end - m.month + 1));
      out.push({ day, from: tier, to: (tier = qualifies), reason: 'upgrade' });
    }
    const n = T.downgradeMonths;
    const floor = FLOORS[tier];
    let below = i >= n - 1;
    for (let j = i - n + 1; below && j <= i; j++) below = months[j]!.avgFen < floor;
    if (below && qualifies !== tier) {
      out.push({ day: end, from: tier, to: (tier = qualifies), reason: 'downgrade' });
    }
  }
  return out;
}
