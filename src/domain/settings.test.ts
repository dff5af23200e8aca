import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema, settingsToJson, withDefaults } from './settings.js';

describe('bank settings', () => {
  it('holds the DOMAIN.md defaults', () => {
    expect(DEFAULT_SETTINGS.tiers.floorsFen.private).toBe(800_000_000n);
    expect(DEFAULT_SETTINGS.stewardship.capacity).toEqual({ rm: 400, wealth_rm: 250, private_advisor: 100 });
    expect(DEFAULT_SETTINGS.complaints.slaHours).toEqual({ normal: 72, urgent: 24, major: 6 });
  });
  it('round-trips through JSON storage', () => {
    const json = JSON.parse(JSON.stringify(settingsToJson(DEFAULT_SETTINGS)));
    expect(settingsSchema.parse(json)).toEqual(DEFAULT_SETTINGS);
  });
  it('rejects weights that do not add to 100 and bands outside 0–100%', () => {
    const j = settingsToJson(DEFAULT_SETTINGS);
    expect(() =>
      settingsSchema.parse({
        ...j,
        familiarity: { ...j.familiarity, weights: { contact: 50, products: 30, contribution: 30 } },
      }),
    ).toThrow(/add up to 100/);
    expect(() => settingsSchema.parse({ ...j, tiers: { ...j.tiers, bandLowPct: 120 } })).toThrow();
  });
});

describe('settings written by an older version', () => {
  // The row version 1 stored (settingsToJson(DEFAULT_SETTINGS) before complaints.regulatoryDays
  // was added), as JSON: what a bank's database holds.
  const v1 = (): Record<string, Record<string, unknown>> =>
    JSON.parse(readFileSync(new URL('../../test/fixtures/settings/v1.json', import.meta.url), 'utf8'));

  it('parse: a field added since takes its default, and the rest is what was stored', () => {
    const stored = v1();
    expect(stored.complaints).not.toHaveProperty('regulatoryDays');
    const s = settingsSchema.parse(stored);
    expect(s.complaints.regulatoryDays).toEqual({ decision: 15, extended: 30 });
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps stored values and fills only what is missing, sections and record keys alike', () => {
    const stored = v1();
    delete stored.echelons;
    (stored.tiers as { bandLowPct: number }).bandLowPct = 85;
    delete (stored.stewardship!.capacity as Record<string, number>).private_advisor;
    (stored.opportunities as { maturityDays: number[] }).maturityDays = [10];
    const s = settingsSchema.parse(stored);
    expect(s.echelons).toEqual(DEFAULT_SETTINGS.echelons);
    expect(s.tiers.bandLowPct).toBe(85);
    expect(s.stewardship.capacity).toEqual({ rm: 400, wealth_rm: 250, private_advisor: 100 });
    // a stored list is kept whole, not merged with the default list
    expect(s.opportunities.maturityDays).toEqual([10]);
  });

  it('an empty row is the defaults; a stored value that is wrong still fails', () => {
    expect(settingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
    expect(() => settingsSchema.parse({ tiers: { bandLowPct: 'eighty' } })).toThrow();
  });

  it('withDefaults leaves arrays, scalars and unknown keys to the stored value', () => {
    expect(withDefaults({ a: [1], x: 1 }, { a: [2, 3], b: { c: 1 } })).toEqual({ a: [1], b: { c: 1 }, x: 1 });
    expect(withDefaults(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(withDefaults(null, { a: 1 })).toBeNull();
  });
});
