import { describe, expect, it } from 'vitest';
import { addYears, ageOn, dayFrom, dayOf, isoOf, monthStart, timeOf, weekday, ymd } from './days.js';
import { field, pgArray } from './csv.js';
import { idCheckChar } from './identity.js';
import { Rng } from './prng.js';

describe('Rng', () => {
  it('gives the same stream for the same keys and independent streams otherwise', () => {
    const draw = (...k: [number, number, number, number]) =>
      Array.from({ length: 5 }, () => new Rng(...k)).map((r) => r.u32());
    const a = new Rng(1, 2, 3, 4);
    const b = new Rng(1, 2, 3, 4);
    expect(Array.from({ length: 100 }, () => a.u32())).toEqual(Array.from({ length: 100 }, () => b.u32()));
    expect(draw(1, 2, 3, 4)[0]).not.toBe(draw(1, 2, 4, 4)[0]);
    expect(draw(1, 2, 3, 4)[0]).not.toBe(draw(2, 2, 3, 4)[0]);
    expect(draw(1, 2, 3, 4)[0]).not.toBe(draw(1, 3, 3, 4)[0]);
  });

  it('draws roughly uniform, normal and Poisson values', () => {
    const r = new Rng(42);
    const n = 20_000;
    const u = Array.from({ length: n }, () => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: n }, () => r.normal());
    const mean = z.reduce((s, x) => s + x, 0) / n;
    expect(mean).toBeCloseTo(0, 1);
    expect(Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / n)).toBeCloseTo(1, 1);
    expect(Array.from({ length: n }, () => r.poisson(3)).reduce((s, x) => s + x, 0) / n).toBeCloseTo(3, 1);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });
});

describe('day numbers', () => {
  it('agree with Date for every day from 1900 to 2100', () => {
    for (let d = dayOf('1900-01-01'); d <= dayOf('2100-12-31'); d += 7) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      expect(isoOf(d)).toBe(iso);
      const [y, m, dd] = ymd(d);
      expect(dayFrom(y, m, dd)).toBe(d);
    }
  });

  it('does calendar arithmetic', () => {
    expect(isoOf(monthStart(dayOf('2026-03-31'), -1))).toBe('2026-02-01');
    expect(isoOf(monthStart(dayOf('2026-01-15'), -12))).toBe('2025-01-01');
    expect(isoOf(addYears(dayOf('2024-02-29'), -1))).toBe('2023-03-01');
    expect(ageOn(dayOf('1960-11-21'), dayOf('2026-11-20'))).toBe(65);
    expect(ageOn(dayOf('1960-11-20'), dayOf('2026-11-20'))).toBe(66);
    expect(weekday(dayOf('2026-11-22'))).toBe(0);
    expect(timeOf(dayOf('2026-11-21'), 9 * 3600 + 31 * 60 + 5)).toBe('2026-11-21T09:31:05+08:00');
    expect(() => dayOf('2026-02-30')).toThrow();
  });
});

describe('CSV and identity details', () => {
  it('quotes only what needs quoting and writes NULL as nothing', () => {
    expect(field('a')).toBe('a');
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('')).toBe('""');
    expect(field(null)).toBe('');
    expect(field(12n)).toBe('12');
    expect(pgArray(['payroll', 'gba'])).toBe('{payroll,gba}');
  });

  it('computes the GB 11643 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44030419900101001')).toBe('1'); // sum 176, 176 mod 11 = 0
  });
});
