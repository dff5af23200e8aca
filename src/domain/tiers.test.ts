import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings.js';
import { bandFor, tierForAmount } from './tiers.js';

const t = DEFAULT_SETTINGS.tiers;
const yuan = (n: number) => BigInt(Math.round(n * 100));

describe('tier ladder', () => {
  it.each([
    [0, 'mass'],
    [49_999.99, 'mass'],
    [50_000, 'premium'],
    [199_999.99, 'premium'],
    [200_000, 'affluent'],
    [1_000_000, 'wealth'],
    [7_999_999.99, 'wealth'],
    [8_000_000, 'private'],
  ] as const)('%s yuan is %s', (amount, tier) => expect(tierForAmount(yuan(amount), t.floorsFen)).toBe(tier));

  it.each([
    ['mass', 39_999.99, null],
    ['mass', 40_000, 'premium'],
    ['mass', 49_999.99, 'premium'],
    ['premium', 160_000, 'affluent'],
    ['affluent', 800_000, 'wealth'],
    ['affluent', 799_999.99, null],
    ['wealth', 6_400_000, 'private'],
    ['private', 100_000_000, null],
  ] as const)('a %s customer at %s yuan is in band %s', (tier, amount, band) =>
    expect(bandFor(tier, yuan(amount), t)).toBe(band),
  );

  it('follows configured floors, not literals', () => {
    const floors = { ...t.floorsFen, premium: yuan(30_000) };
    expect(tierForAmount(yuan(35_000), floors)).toBe('premium');
  });
});
