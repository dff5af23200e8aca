/**
 * The demo bank `npm start` seeds (scale S, 50,000 customers): its whole history obeys the tier
 * rules (test/support/history-rules.ts), a daily trend from 13 months back and 13 closed months.
 * A file of its own so it runs beside the XS checks of seed-history.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/platform/settings-store.js';
import { seedDatabase, type SeedSummary } from '../../src/synth/index.js';
import { historyFacts } from '../support/history-rules.js';
import { freshDb, type TestDb } from '../support/db.js';

const AS_OF = '2026-12-01';
let t: TestDb;
let summary: SeedSummary;

beforeAll(async () => {
  t = await freshDb();
  summary = await seedDatabase(t.handle, { scale: 'S', seed: 1, asOf: AS_OF });
}, 300_000);
afterAll(async () => t?.drop());

describe('the scale S demo bank', () => {
  it('has 396 days of trend and 13 closed months that obey the tier rules', async () => {
    const facts = await historyFacts(t.handle.db, AS_OF, (await loadSettings(t.handle.db)).value.tiers);
    expect(facts).toMatchObject({ firstDay: '2025-11-01', lastDay: AS_OF, trendDays: 396, closedMonths: 13 });
    expect(facts.problems).toEqual(Object.fromEntries(Object.keys(facts.problems).map((k) => [k, 0])));
    // one day of customer rows; the year before it is in the aggregates
    expect(summary).toMatchObject({ customers: 50_000, aumDaily: 50_000, aumMonthly: 13 * 50_000 });
    expect(summary.orgTierDaily).toBeGreaterThan(396 * 20 * 3);
  }, 120_000);
});
