import { afterAll, describe, expect, it } from 'vitest';
import { bankToday, daysUntil, formatDate, formatDateTime } from './format';

const zone = process.env.TZ;
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe.each(['UTC', 'America/Los_Angeles'])('times in the bank zone when the machine runs %s', (tz) => {
  it('shows a 10:57 Shanghai call as 10:57, not the machine clock', () => {
    process.env.TZ = tz;
    const call = '2026-11-20T02:57:00.000Z'; // 10:57 in Shanghai
    if (tz === 'UTC') expect(new Date(call).getHours()).toBe(2); // the machine zone is in effect
    expect(formatDateTime(call)).toBe('2026-11-20 10:57');
    expect(formatDateTime('2026-11-20T10:57:00+08:00')).toBe('2026-11-20 10:57');
  });

  it('dates a timestamp by the Shanghai calendar and leaves plain business dates alone', () => {
    process.env.TZ = tz;
    // 20 Nov 17:30 UTC is already 21 Nov in Shanghai
    expect(formatDate('2026-11-20T17:30:00Z')).toBe('2026-11-21');
    expect(formatDateTime('2026-11-20T17:30:00Z')).toBe('2026-11-21 01:30');
    expect(formatDate('2026-11-20')).toBe('2026-11-20');
    expect(bankToday(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
    expect(bankToday(new Date('2026-11-20T15:59:00Z'))).toBe('2026-11-20');
    expect(daysUntil('2026-11-21', new Date('2026-11-20T16:30:00Z'))).toBe(0);
    expect(daysUntil('2026-12-01', new Date('2026-11-20T16:30:00Z'))).toBe(10);
  });

  it('shows the unknown as a dash and an unparseable string as it is', () => {
    process.env.TZ = tz;
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
});
