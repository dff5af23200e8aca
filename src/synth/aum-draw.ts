/**
 * How much a customer holds. A lognormal body (median 15k yuan) plus a wealth component and a
 * Pareto private-banking tail gives the usual 80/20 concentration; 3% of customers are placed
 * deliberately just under a tier floor so every near-threshold band (临界) is populated, and
 * a few fixed positions are forced into each tier and band so even the 2,000-customer bank has
 * all of them. Amounts are drawn as floats and rounded to integer fen by the caller.
 */
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { TIERS, type Tier } from '../domain/enums.js';
import type { Rng } from './prng.js';

const FLOORS = DEFAULT_SETTINGS.tiers.floorsFen;
const BAND_LOW = DEFAULT_SETTINGS.tiers.bandLowPct / 100;
const floorYuan = (t: Tier) => Number(FLOORS[t]) / 100;

const BAND_TIERS: readonly Tier[] = ['premium', 'affluent', 'wealth', 'private'];
const BAND_WEIGHTS = [0.55, 0.3, 0.12, 0.03];
const BAND_SHARE = 0.03;
const WEALTH_SHARE = 0.004;
const PRIVATE_SHARE = 0.0006;

/** just under `t`'s floor, inside its band */
function inBand(r: Rng, t: Tier): number {
  const lo = BAND_LOW + 0.01;
  return floorYuan(t) * (lo + (0.99 - lo) * r.next());
}

/** comfortably inside tier `t` */
function inTier(r: Rng, t: Tier): number {
  const i = TIERS.indexOf(t);
  const lo = floorYuan(t);
  const next = TIERS[i + 1];
  const hi = next ? floorYuan(next) * BAND_LOW : lo * 4;
  return lo * 1.05 + (hi * 0.95 - lo * 1.05) * r.next();
}

const FORCED: readonly (readonly ['tier' | 'band', Tier])[] = [
  ['tier', 'premium'],
  ['tier', 'affluent'],
  ['tier', 'wealth'],
  ['tier', 'private'],
  ['band', 'premium'],
  ['band', 'affluent'],
  ['band', 'wealth'],
  ['band', 'private'],
  ['tier', 'private'],
];

/** customers at these positions are forced into a tier or band (spread over the book) */
export function forcedKind(index: number, total: number): (typeof FORCED)[number] | null {
  const step = Math.floor(total / FORCED.length);
  if (step < 1 || index % step !== 3) return null;
  return FORCED[Math.floor(index / step)] ?? null;
}

/** target month-average AUM in yuan (a float; rounded to fen downstream) */
export function drawTargetYuan(r: Rng, index: number, total: number): number {
  const forced = forcedKind(index, total);
  if (forced) return forced[0] === 'band' ? inBand(r, forced[1]) : inTier(r, forced[1]);
  const u = r.next();
  if (u < BAND_SHARE) return inBand(r, BAND_TIERS[r.weighted(BAND_WEIGHTS)]!);
  if (u < BAND_SHARE + PRIVATE_SHARE) return Math.min(40e6, floorYuan('private') * Math.pow(1 - r.next(), -1 / 2.2));
  if (u < BAND_SHARE + PRIVATE_SHARE + WEALTH_SHARE) return floorYuan('wealth') * Math.exp(r.next() * Math.log(8));
  // the body: a small floor keeps dormant accounts at a few yuan rather than zero
  return Math.max(3 + 20 * r.next(), r.lognormal(15_000, 1.3));
}
