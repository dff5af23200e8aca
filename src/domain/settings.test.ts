import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema, settingsToJson } from './settings.js';

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
