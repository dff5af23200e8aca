/**
 * The daily tier decision of DOMAIN.md §2 for one customer on one business date. Pure: the
 * nightly SQL step (features/tiering/evaluate-tiers.ts) implements the same rule set-wise, and
 * the integration test holds the two to agreement customer by customer.
 */
import type { Tier, TierChange } from './enums.js';
import type { Settings } from './settings.js';
import { bandFor, tierForAmount, tierRank } from './tiers.js';

export type { TierChange } from './enums.js';

export interface TierInput {
  /** tier as of the day before (latest tier_history row before D); null: never evaluated */
  previous: Tier | null;
  /** the basis amount in fen: month-to-date average (or the day's AUM for basis period_end) */
  avgFen: bigint;
  /** D is the last day of its month: the only day a downgrade may happen */
  isMonthEnd: boolean;
  /** the basis amounts of the months before D's month, newest first; may be shorter than needed */
  previousMonthAvgsFen: bigint[];
}

export interface TierDecision {
  tier: Tier;
  band: Tier | null;
  change: TierChange | null;
}

export function evaluateTier(input: TierInput, t: Settings['tiers']): TierDecision {
  const { previous, avgFen } = input;
  const qualifies = tierForAmount(avgFen, t.floorsFen);
  const decide = (tier: Tier, change: TierChange | null): TierDecision => ({
    tier,
    band: bandFor(tier, avgFen, t),
    change,
  });
  // First evaluation: the tier the average reaches. A customer who never rose above mass gets no
  // history row (the seed's convention too), so "no history" and "mass" decide alike afterwards.
  if (previous === null) return decide(qualifies, qualifies === 'mass' ? null : 'initial');
  if (tierRank(qualifies) > tierRank(previous)) return decide(qualifies, 'upgrade');
  if (tierRank(qualifies) < tierRank(previous) && input.isMonthEnd && belowLongEnough(input, previous, t)) {
    return decide(qualifies, 'downgrade');
  }
  return decide(previous, null);
}

/**
 * This month is below the current floor (the caller checked); so must the downgradeMonths − 1
 * months before it be. Missing months (a new customer) mean "not proven below": no downgrade.
 */
function belowLongEnough(input: TierInput, current: Tier, t: Settings['tiers']): boolean {
  const needed = t.downgradeMonths - 1;
  const months = input.previousMonthAvgsFen.slice(0, needed);
  if (months.length < needed) return false;
  return months.every((m) => m < t.floorsFen[current]);
}
