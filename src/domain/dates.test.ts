import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, assessmentExpired, shanghaiDate } from './dates.js';

describe('dates', () => {
  it('computes age with the birthday counting', () => {
    expect(ageOn('1961-11-21', '2026-11-21')).toBe(65);
    expect(ageOn('1961-11-22', '2026-11-21')).toBe(64);
  });
  it('adds months clamping to month end, and days across years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-21', 12)).toBe('2026-11-21');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('uses the Shanghai calendar day', () => {
    expect(shanghaiDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });
  it('expires a risk assessment after 12 months, and a missing one at once', () => {
    expect(assessmentExpired('2025-11-21', '2026-11-21', 12)).toBe(false);
    expect(assessmentExpired('2025-11-20', '2026-11-21', 12)).toBe(true);
    expect(assessmentExpired(null, '2026-11-21', 12)).toBe(true);
  });
});
