/**
 * Stewardship eligibility (DOMAIN.md §3): every customer at or above
 * `settings.stewardship.managedFromTier` must have a primary RM. Coverage = managed / eligible.
 */
import { TIERS, type Tier } from './enums.js';
import type { Settings } from './settings.js';

type Managed = Pick<Settings['stewardship'], 'managedFromTier'>;

/** The tiers that must have a primary RM, lowest first. */
export const eligibleTiers = (s: Managed): Tier[] => TIERS.slice(TIERS.indexOf(s.managedFromTier));

/** Whether a customer of `tier` must have a primary RM. */
export const isEligibleTier = (tier: Tier, s: Managed): boolean =>
  TIERS.indexOf(tier) >= TIERS.indexOf(s.managedFromTier);
