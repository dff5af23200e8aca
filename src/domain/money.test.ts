import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYuan, parseYuan } from './money.js';

describe('money', () => {
  it.each([
    ['12345.6', 1234560n],
    ['-0.01', -1n],
    ['1000000.00', 100000000n],
    ['0', 0n],
    ['7', 700n],
  ])('parses %s to %s fen', (s, fen) => expect(parseYuan(s)).toBe(fen));

  it.each(['1.234', '1,000', 'abc', '', '1e5', '.5'])('rejects "%s"', (s) =>
    expect(() => parseYuan(s)).toThrow(/at most 2 decimals/),
  );

  it('round-trips every amount exactly, far beyond float precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (fen) => parseYuan(formatYuan(fen)) === fen),
    );
  });

  it('formats with two decimals', () => {
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(-123456n)).toBe('-1234.56');
  });
});
