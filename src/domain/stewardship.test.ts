import { describe, expect, it } from 'vitest';
import { TIERS } from './enums.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { eligibleTiers, isEligibleTier } from './stewardship.js';

describe('stewardship eligibility', () => {
  it('by default premium and above must have an RM', () => {
    expect(eligibleTiers(DEFAULT_SETTINGS.stewardship)).toEqual(['premium', 'affluent', 'wealth', 'private']);
    expect(isEligibleTier('mass', DEFAULT_SETTINGS.stewardship)).toBe(false);
    expect(isEligibleTier('premium', DEFAULT_SETTINGS.stewardship)).toBe(true);
  });

  it.each(TIERS)('follows the configured managed-from tier %s, and the list and the test agree', (from) => {
    const s = { managedFromTier: from };
    expect(eligibleTiers(s)[0]).toBe(from);
    for (const t of TIERS) expect(isEligibleTier(t, s)).toBe(eligibleTiers(s).includes(t));
  });
});
