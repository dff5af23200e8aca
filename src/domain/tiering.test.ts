import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, TIERS, type Tier } from './settings.js';
import { evaluateTier, type TierInput } from './tiering.js';
import { tierForAmount, tierRank } from './tiers.js';

const t = DEFAULT_SETTINGS.tiers;
const y = (n: number) => BigInt(Math.round(n * 100));

const input = (previous: Tier | null, avg: number, isMonthEnd = false, months: number[] = []): TierInput => ({
  previous,
  avgFen: y(avg),
  isMonthEnd,
  previousMonthAvgsFen: months.map(y),
});

describe('evaluateTier', () => {
  it.each([
    // [case, input, tier, band, change]
    ['first evaluation, mass: no history row', input(null, 1_000), 'mass', null, null],
    ['first evaluation, mass in band', input(null, 45_000), 'mass', 'premium', null],
    ['first evaluation takes the highest tier reached', input(null, 1_200_000), 'wealth', null, 'initial'],
    ['first evaluation at a month end is not a downgrade', input(null, 60_000, true), 'premium', null, 'initial'],
    ['upgrade on any day', input('premium', 200_000), 'affluent', null, 'upgrade'],
    ['upgrade over two tiers', input('mass', 1_000_000), 'wealth', null, 'upgrade'],
    ['upgrade lands in a band', input('mass', 180_000), 'premium', 'affluent', 'upgrade'],
    ['same tier, near the next', input('affluent', 850_000), 'affluent', 'wealth', null],
    ['below the floor mid-month: stays', input('affluent', 10_000), 'affluent', null, null],
    [
      'month end, 3 months below: downgrade',
      input('affluent', 100_000, true, [150_000, 190_000]),
      'premium',
      null,
      'downgrade',
    ],
    [
      'month end, downgrade to the tier qualified',
      input('wealth', 1_000, true, [1_000, 1_000]),
      'mass',
      null,
      'downgrade',
    ],
    [
      'downgrade lands in a band',
      input('wealth', 900_000, true, [900_000, 900_000]),
      'affluent',
      'wealth',
      'downgrade',
    ],
    [
      'month end, a month before at the floor: stays',
      input('affluent', 100_000, true, [200_000, 100_000]),
      'affluent',
      null,
      null,
    ],
    [
      'month end, two months ago at the floor: stays',
      input('affluent', 100_000, true, [100_000, 200_000]),
      'affluent',
      null,
      null,
    ],
    ['month end, history too short: stays', input('affluent', 100_000, true, [100_000]), 'affluent', null, null],
    [
      'older months beyond the window do not matter',
      input('affluent', 1, true, [1, 1, 9_000_000]),
      'mass',
      null,
      'downgrade',
    ],
    ['not a month end: stays', input('affluent', 100_000, false, [100_000, 100_000]), 'affluent', null, null],
    ['stays in band of its own next tier', input('affluent', 0, false), 'affluent', null, null],
  ] as const)('%s', (_name, i, tier, band, change) => {
    expect(evaluateTier(i, t)).toEqual({ tier, band, change });
  });

  it('follows the settings: downgradeMonths and floors', () => {
    const one = { ...t, downgradeMonths: 1 };
    expect(evaluateTier(input('affluent', 100_000, true), one)).toMatchObject({ tier: 'premium', change: 'downgrade' });
    const higher = { ...t, floorsFen: { ...t.floorsFen, premium: y(60_000) } };
    expect(evaluateTier(input(null, 55_000), higher)).toEqual({ tier: 'mass', band: 'premium', change: null });
  });
});

describe('evaluateTier properties', () => {
  const tierArb = fc.constantFrom(...TIERS);
  const amount = fc.bigInt({ min: 0n, max: 2_000_000_000n });
  const arb = fc.record({
    previous: fc.option(tierArb, { nil: null }),
    avgFen: amount,
    isMonthEnd: fc.boolean(),
    previousMonthAvgsFen: fc.array(amount, { maxLength: 4 }),
  });

  it('moves up only to the qualified tier, down only at a month end, and never sits below the qualified tier', () => {
    fc.assert(
      fc.property(arb, (i) => {
        const d = evaluateTier(i, t);
        const q = tierForAmount(i.avgFen, t.floorsFen);
        expect(tierRank(d.tier)).toBeGreaterThanOrEqual(tierRank(q));
        if (i.previous === null) expect(d.tier).toBe(q);
        else if (d.change === 'upgrade') expect(d.tier).toBe(q);
        else if (d.change === 'downgrade') {
          expect(i.isMonthEnd).toBe(true);
          expect(d.tier).toBe(q);
          expect(tierRank(q)).toBeLessThan(tierRank(i.previous));
        } else expect(d.tier).toBe(i.previous);
        // a change is recorded exactly when the tier moved (or a first evaluation above mass)
        expect(d.change !== null).toBe(i.previous === null ? q !== 'mass' : d.tier !== i.previous);
        // the band is always the tier right above, and only below its floor
        if (d.band) {
          expect(tierRank(d.band)).toBe(tierRank(d.tier) + 1);
          expect(i.avgFen).toBeLessThan(t.floorsFen[d.band]);
        }
      }),
    );
  });

  it('is idempotent: evaluating again from the decided tier changes nothing', () => {
    fc.assert(
      fc.property(arb, (i) => {
        const d = evaluateTier(i, t);
        const again = evaluateTier({ ...i, previous: d.tier, isMonthEnd: false }, t);
        expect(again).toEqual({ tier: d.tier, band: d.band, change: null });
      }),
    );
  });
});
