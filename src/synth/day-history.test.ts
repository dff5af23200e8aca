/**
 * The seed's day-by-day replay decides as domain/tiering.ts evaluateTier does: on arbitrary
 * inputs, and on every day of every customer of an XS bank's window (the replay run once with
 * evaluateTier itself and once with the fast rule, compared whole).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, TIERS, type Settings } from '../domain/settings.js';
import { evaluateTier } from '../domain/tiering.js';
import { CHANGE, dayHistory, decideTier, historyWindow, unpack, type Decide } from './day-history.js';
import { dayOf, monthStart } from './days.js';
import { snapshot } from './snapshot.js';

const CHANGES = { initial: CHANGE.initial, upgrade: CHANGE.upgrade, downgrade: CHANGE.downgrade } as const;

/** evaluateTier behind the replay's Decide signature */
function viaEvaluateTier(t: Settings['tiers']): Decide {
  return (previous, avg, monthEnd, closed) => {
    const d = evaluateTier(
      {
        previous: previous < 0 ? null : TIERS[previous]!,
        avgFen: BigInt(avg),
        isMonthEnd: monthEnd,
        previousMonthAvgsFen: closed.map((m) => BigInt(m)).reverse(),
      },
      t,
    );
    const band = d.band ? TIERS.indexOf(d.band) : 0;
    return TIERS.indexOf(d.tier) | (band << 3) | ((d.change ? CHANGES[d.change] : 0) << 6);
  };
}

const settings = (o: Partial<Settings['tiers']>): Settings['tiers'] => ({ ...DEFAULT_SETTINGS.tiers, ...o });

describe('decideTier', () => {
  it.each([
    ['the default ladder', DEFAULT_SETTINGS.tiers],
    ['one-month downgrades, a 90% band', settings({ downgradeMonths: 1, bandLowPct: 90 })],
    ['six-month downgrades', settings({ downgradeMonths: 6 })],
  ])('agrees with evaluateTier on arbitrary inputs: %s', (_, t) => {
    const fast = decideTier(t);
    const slow = viaEvaluateTier(t);
    const floors = TIERS.map((x) => Number(t.floorsFen[x]));
    // amounts near every floor and band edge, and anywhere
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 5_000_000_000 }),
      fc
        .tuple(fc.constantFrom(...floors.slice(1)), fc.integer({ min: -3, max: 3 }), fc.constantFrom(1, 0.8, 0.9))
        .map(([f, d, k]) => Math.max(0, Math.round(f * k) + d)),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: TIERS.length - 1 }),
        amount,
        fc.boolean(),
        fc.array(amount, { maxLength: 7 }),
        (previous, avg, monthEnd, closed) => {
          expect(unpack(fast(previous, avg, monthEnd, closed))).toEqual(unpack(slow(previous, avg, monthEnd, closed)));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('refuses the period_end basis rather than replaying it wrong', () => {
    expect(() => decideTier(settings({ basis: 'period_end' }))).toThrow(/month_avg/);
  });
});

describe('dayHistory over an XS bank', () => {
  const asOf = '2026-12-01';
  const { bank, customers } = snapshot('XS', 5, asOf);
  const w = historyWindow(bank.asOf, bank.spec.months);

  it('covers 13 closed months and the month so far, from the 1st', () => {
    expect(w.first).toBe(dayOf('2025-11-01'));
    expect(w.dom.length).toBe(bank.asOf - w.first + 1);
    expect(customers[0]!.history!.months.map((m) => m.month)).toEqual(
      Array.from({ length: 13 }, (_, k) => monthStart(dayOf('2025-11-01'), k)),
    );
  });

  it('decides every customer-day as evaluateTier does', () => {
    const slow = viaEvaluateTier(DEFAULT_SETTINGS.tiers);
    let changes = 0;
    for (const c of customers) {
      const fast = c.history!;
      const ref = dayHistory(w, c.walk, c.profile.openDay, 1, slow);
      expect(fast.code, c.profile.customerId).toEqual(ref.code);
      expect(fast.tiers).toEqual(ref.tiers);
      expect(fast.months).toEqual(ref.months);
      changes += fast.tiers.length;
    }
    expect(changes).toBeGreaterThan(customers.length / 10);
  });

  it('has AUM 0 before an account opened, and month rows that are the averages of the days', () => {
    for (const c of customers.slice(0, 400)) {
      const h = c.history!;
      for (let i = 0; i < h.aum.length && h.first + i < c.profile.openDay; i++) expect(h.aum[i]).toBe(0);
      for (const m of h.months) {
        const from = m.month - h.first;
        let days = 0;
        let sum = 0;
        while (from + days < h.aum.length && (days === 0 || w.dom[from + days] !== 1)) sum += h.aum[from + days++]!;
        expect(m.avgFen).toBe(BigInt(Math.floor(sum / days)));
        expect(m.endFen).toBe(BigInt(h.aum[from + days - 1]!));
      }
    }
  });
});
