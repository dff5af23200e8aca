import { describe, expect, it } from 'vitest';
import { TIERS } from './enums.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { coverageRates, eligibleTiers, excessOverCapacity, isEligibleTier, releaseAction } from './stewardship.js';

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

describe('coverage figures', () => {
  it('coverage counts idle relationships as covered; idle rate is idle among the covered', () => {
    expect(coverageRates({ eligible: 100, managed: 60, idle: 30 })).toEqual({ coverageRate: 0.9, idleRate: 1 / 3 });
    expect(coverageRates({ eligible: 4, managed: 4, idle: 0 })).toEqual({ coverageRate: 1, idleRate: 0 });
  });

  it('says nothing (null) rather than 0% when there is nobody to count', () => {
    expect(coverageRates({ eligible: 0, managed: 0, idle: 0 })).toEqual({ coverageRate: null, idleRate: null });
    expect(coverageRates({ eligible: 5, managed: 0, idle: 0 })).toEqual({ coverageRate: 0, idleRate: null });
  });

  it('keeps a held customer near the managed-from floor, releases the others', () => {
    const s = DEFAULT_SETTINGS.stewardship;
    expect(releaseAction('premium', s)).toBe('keep_near_threshold');
    expect(releaseAction(null, s)).toBe('release_to_pool');
    expect(releaseAction('premium', { managedFromTier: 'affluent' })).toBe('release_to_pool');
    expect(releaseAction('affluent', { managedFromTier: 'affluent' })).toBe('keep_near_threshold');
  });

  it('counts the customers beyond capacity', () => {
    expect(excessOverCapacity(401, 400)).toBe(1);
    expect(excessOverCapacity(400, 400)).toBe(0);
    expect(excessOverCapacity(12, 400)).toBe(0);
  });
});
