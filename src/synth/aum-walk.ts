/**
 * A customer's daily AUM for the current month and any window back from asOf (the seed's history,
 * the file generator's days): a random walk backwards from asOf, scaled so the month-to-date
 * average hits the drawn target. The month-to-date average a loader computes from the daily files
 * is then exactly the seeded one, and so is every earlier day's total.
 */
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { TIERS, type Tier } from '../domain/enums.js';
import { bandFor, tierForAmount } from '../domain/tiers.js';
import { monthStart, ymd } from './days.js';
import { Rng, TAG } from './prng.js';

const T = DEFAULT_SETTINGS.tiers;
const FLOORS = T.floorsFen;
export const rank = (t: Tier) => TIERS.indexOf(t);

export interface Walk {
  aumFen: bigint;
  /** daily total AUM factor, index k = k days before asOf (f[0] = 1) */
  f: Float64Array;
}

/**
 * Daily factors for `days` days back from asOf (at least back to the start of the downgrade
 * window, see keepRecentBelowNextTier) and today's AUM such that the month-to-date average hits
 * `targetFen`. No factor depends on `days`, so the seed and the file generator (any window) see
 * the same walk.
 */
export function dailyWalk(seed: number, index: number, targetFen: number, asOf: number, days: number): Walk {
  const mtd = ymd(asOf)[2];
  const recent = asOf - monthStart(asOf, -T.downgradeMonths) + 1;
  const n = Math.max(days, recent);
  const r = new Rng(seed, TAG.walk, index);
  const f = new Float64Array(n);
  f[0] = 1;
  for (let k = 1; k < n; k++) {
    const jump = r.chance(0.01) ? 0.08 * r.normal() : 0;
    f[k] = f[k - 1]! * Math.exp(0.004 * r.normal() + jump);
  }
  let mean = 0;
  for (let k = 0; k < mtd; k++) mean += f[k]!;
  mean /= mtd;
  let aumFen = BigInt(Math.max(1, Math.round(targetFen / mean)));
  // If the month-to-date average touched a higher floor earlier this month, the customer would
  // already have been upgraded and could not be in the tier the final average gives: flatten.
  const series = dailyFen(aumFen, f, mtd);
  if (runningPeak(series) > rank(monthTier(series))) {
    f.fill(1, 0, mtd);
    aumFen = BigInt(Math.max(1, Math.round(targetFen)));
  }
  keepRecentBelowNextTier(seed, index, aumFen, f, asOf, mtd);
  return { aumFen, f };
}

/**
 * The seeded tier is the one this month's average qualifies for, and the history the seed
 * replays must end in it. The downgrade rule would still hold a customer whose running average
 * reached a higher floor in any of the downgradeMonths months before this one (no downgrade
 * yet: not enough months below). So when it did, every day before this month is scaled down by
 * one factor (the walk keeps its shape) until the peak sits at 90–98% of that floor. Earlier
 * highs stay possible: those customers show a completed downgrade. Days before the account was
 * opened (AUM 0 in the files) only lower the averages, so they are ignored here.
 */
function keepRecentBelowNextTier(
  seed: number,
  index: number,
  aumFen: bigint,
  f: Float64Array,
  asOf: number,
  mtd: number,
): void {
  const next = TIERS[rank(monthTier(dailyFen(aumFen, f, mtd))) + 1];
  if (!next) return;
  const cap = Number(FLOORS[next]);
  const a = Number(aumFen);
  let peak = 0;
  for (let m = 1; m <= T.downgradeMonths; m++) {
    const from = monthStart(asOf, -m);
    const to = monthStart(asOf, -m + 1) - 1;
    let accum = 0;
    for (let day = from; day <= to; day++) {
      accum += Math.round(a * f[asOf - day]!);
      peak = Math.max(peak, accum / (day - from + 1));
    }
  }
  if (peak < cap) return;
  // its own stream: the factor must not depend on how many days were drawn above
  const u = 0.9 + 0.08 * new Rng(seed, TAG.walk, index, 1).next();
  const c = (cap * u) / peak;
  for (let k = mtd; k < f.length; k++) f[k] = f[k]! * c;
}

const monthTier = (days: bigint[]) => tierForAmount(sum(days) / BigInt(days.length), FLOORS);

/** daily totals for the first `n` days back from asOf, oldest first */
export function dailyFen(aumFen: bigint, f: Float64Array, n: number): bigint[] {
  const out: bigint[] = [];
  const a = Number(aumFen);
  for (let k = n - 1; k >= 0; k--) out.push(BigInt(Math.round(a * f[k]!)));
  return out;
}

export const sum = (xs: bigint[]) => xs.reduce((s, x) => s + x, 0n);

/** the highest tier the running month-to-date average reached */
function runningPeak(days: bigint[]): number {
  // fast path: no single day reaches the floor above the final tier, so no running average can
  const final = rank(monthTier(days));
  const above = TIERS[final + 1];
  if (!above || !days.some((d) => d >= FLOORS[above])) return final;
  let s = 0n;
  let peak = 0;
  days.forEach((d, i) => {
    s += d;
    peak = Math.max(peak, rank(tierForAmount(s / BigInt(i + 1), FLOORS)));
  });
  return peak;
}

export interface AumNow {
  /** month-to-date accumulated daily AUM (积数) and the number of days it covers */
  accumFen: bigint;
  mtdDays: number;
  monthAvgFen: bigint;
  tier: Tier;
  band: Tier | null;
}

/** month-to-date average and the tier and band it gives */
export function aumNow(walk: Walk, asOf: number, days = dailyFen(walk.aumFen, walk.f, ymd(asOf)[2])): AumNow {
  const accumFen = sum(days);
  // rounded down to the fen, as the nightly AUM step does
  const monthAvgFen = accumFen / BigInt(days.length);
  const tier = tierForAmount(monthAvgFen, FLOORS);
  return { accumFen, mtdDays: days.length, monthAvgFen, tier, band: bandFor(tier, monthAvgFen, T) };
}
