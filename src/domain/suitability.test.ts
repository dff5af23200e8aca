import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings.js';
import { isSenior, isSeniorAge } from './suitability.js';

const s = DEFAULT_SETTINGS.suitability;

describe('senior flag', () => {
  it.each([
    ['1961-11-21', true],
    ['1961-11-22', false],
    ['1940-01-01', true],
    [null, false],
  ] as const)('born %s is senior on 2026-11-21: %s', (birth, senior) =>
    expect(isSenior(birth, '2026-11-21', s)).toBe(senior),
  );

  it('follows the configured age', () => {
    expect(isSeniorAge(64, s)).toBe(false);
    expect(isSeniorAge(64, { seniorAge: 60 })).toBe(true);
    expect(isSenior('1966-01-01', '2026-11-21', { seniorAge: 60 })).toBe(true);
  });
});
