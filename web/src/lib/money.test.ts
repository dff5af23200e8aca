import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanCompact, toFen } from './money';

describe('money display', () => {
  it('compact: the largest unit reached with two decimals, whole yuan below it, never fen', () => {
    const zh = (a: string) => formatYuanCompact(a, 'zh-CN');
    expect(zh('243600.00')).toBe('¥24.36万');
    expect(zh('0')).toBe('¥0');
    expect(zh('0.00')).toBe('¥0');
    expect(zh('0.4')).toBe('¥0');
    expect(zh('1747.89')).toBe('¥1,748');
    expect(zh('9999.99')).toBe('¥10,000');
    expect(zh('10000')).toBe('¥1.00万');
    expect(zh('250000000')).toBe('¥2.50亿');
    expect(zh('-1747.5')).toBe('¥-1,748');
    expect(zh('-243600')).toBe('¥-24.36万');
    const en = (a: string) => formatYuanCompact(a, 'en');
    expect(en('0')).toBe('¥0');
    expect(en('999.49')).toBe('¥999');
    expect(en('243600')).toBe('¥243.60K');
    expect(en('2500000')).toBe('¥2.50M');
    expect(formatYuanCompact(null, 'zh-CN')).toBe('—');
    expect(formatYuanCompact('abc', 'en')).toBe('—');
  });

  it('full: always yuan and fen with separators, zero included', () => {
    expect(formatYuan('0')).toBe('¥0.00');
    expect(formatYuan('2337172.675')).toBe('¥2,337,172.68');
    expect(formatYuan('-5', { symbol: false })).toBe('-5.00');
    expect(toFen('12.345')).toBe(1235n);
  });
});
