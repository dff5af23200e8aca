/**
 * Stewardship eligibility (DOMAIN.md §3): every customer at or above
 * `settings.stewardship.managedFromTier` must have a primary RM. Coverage = managed / eligible.
 */
import { TIERS, type ReleaseAction, type Tier } from './enums.js';
import type { Settings } from './settings.js';

type Managed = Pick<Settings['stewardship'], 'managedFromTier'>;

/** The tiers that must have a primary RM, lowest first. */
export const eligibleTiers = (s: Managed): Tier[] => TIERS.slice(TIERS.indexOf(s.managedFromTier));

/** Whether a customer of `tier` must have a primary RM. */
export const isEligibleTier = (tier: Tier, s: Managed): boolean =>
  TIERS.indexOf(tier) >= TIERS.indexOf(s.managedFromTier);

/**
 * The coverage figures of an org node (DOMAIN.md §3, §9), defined once for the API, the web and
 * the exports:
 *  - coverage rate (有管户覆盖率) = customers with an allowed, active RM (states `managed` and
 *    `idle`) / eligible customers: an idle relationship is still a relationship, it is counted
 *    separately by the idle rate;
 *  - idle rate (挂而不管率) = idle / (managed + idle).
 * Ratios in [0, 1], or null when the denominator is 0 (no eligible customers is not 0% coverage).
 */
export interface CoverageCounts {
  eligible: number;
  managed: number;
  idle: number;
}

export interface CoverageRates {
  coverageRate: number | null;
  idleRate: number | null;
}

export function coverageRates(c: CoverageCounts): CoverageRates {
  const covered = c.managed + c.idle;
  return {
    coverageRate: c.eligible > 0 ? covered / c.eligible : null,
    idleRate: covered > 0 ? c.idle / covered : null,
  };
}

/**
 * Suggested action for a customer below managedFromTier who is held by an RM: keep the
 * relationship while the customer is near the managed-from floor (`band` = that tier, e.g. 40–50k
 * for premium), otherwise release them to the outlet's pool.
 */
export const releaseAction = (band: Tier | null, s: Managed): ReleaseAction =>
  band === s.managedFromTier ? 'keep_near_threshold' : 'release_to_pool';

/** Customers beyond an RM's capacity (0 when within it). */
export const excessOverCapacity = (load: number, capacity: number): number => Math.max(0, load - capacity);
