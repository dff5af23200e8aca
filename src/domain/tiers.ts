/**
 * Tier ladder rules (DOMAIN.md §2). Pure: amounts in fen, settings in, decisions out.
 */
import { TIERS, type Tier } from './enums.js';
import type { Settings } from './settings.js';

/** The highest tier whose floor `avgFen` reaches. */
export function tierForAmount(avgFen: bigint, floors: Settings['tiers']['floorsFen']): Tier {
  let result: Tier = 'mass';
  for (const t of TIERS) if (avgFen >= floors[t]) result = t;
  return result;
}

/**
 * The next tier above `current` when `avgFen` is in [bandLowPct%, 100%) of its floor, else null.
 * Integer arithmetic: avg*100 >= floor*pct.
 */
export function bandFor(current: Tier, avgFen: bigint, t: Settings['tiers']): Tier | null {
  const i = TIERS.indexOf(current);
  const next = TIERS[i + 1];
  if (!next) return null;
  const floor = t.floorsFen[next];
  if (avgFen < floor && avgFen * 100n >= floor * BigInt(t.bandLowPct)) return next;
  return null;
}

export const tierRank = (t: Tier): number => TIERS.indexOf(t);
