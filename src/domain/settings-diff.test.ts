import { describe, expect, it } from 'vitest';
import { diffSettings } from './settings-diff.js';
import { DEFAULT_SETTINGS, settingsToJson } from './settings.js';
import type { Json } from './settings-diff.js';

const defaults = () =>
  JSON.parse(JSON.stringify(settingsToJson(DEFAULT_SETTINGS))) as Record<string, Json> & {
    tiers: { floorsFen: Record<string, string>; bandLowPct: number };
    stewardship: { rolesPerTier: Record<string, string[]> };
  };

describe('diffSettings', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffSettings(defaults(), defaults())).toEqual([]);
  });

  it('names each changed leaf by its path, with both values', () => {
    const a = defaults();
    const b = defaults();
    b.tiers.floorsFen.premium = '6000000';
    b.tiers.bandLowPct = 75;
    expect(diffSettings(a, b)).toEqual([
      { path: 'tiers.floorsFen.premium', before: a.tiers.floorsFen.premium, after: '6000000' },
      { path: 'tiers.bandLowPct', before: a.tiers.bandLowPct, after: 75 },
    ]);
  });

  it('reports a list as one change, compared whole', () => {
    const a = defaults();
    const b = defaults();
    b.stewardship.rolesPerTier.private = ['private_advisor', 'wealth_rm'];
    expect(diffSettings(a, b)).toEqual([
      {
        path: 'stewardship.rolesPerTier.private',
        before: a.stewardship.rolesPerTier.private,
        after: ['private_advisor', 'wealth_rm'],
      },
    ]);
    const c = defaults();
    c.stewardship.rolesPerTier.private = [...a.stewardship.rolesPerTier.private!];
    expect(diffSettings(a, c)).toEqual([]);
  });

  it('says which fields an older version lacked, and which are gone', () => {
    expect(diffSettings({ a: { x: 1 } }, { a: { x: 1, y: 2 } })).toEqual([{ path: 'a.y', after: 2 }]);
    expect(diffSettings({ a: { x: 1, z: 3 } }, { a: { x: 1 } })).toEqual([{ path: 'a.z', before: 3 }]);
    expect(diffSettings({ a: 1 }, { a: { b: 1 } })).toEqual([{ path: 'a', before: 1, after: { b: 1 } }]);
  });
});
