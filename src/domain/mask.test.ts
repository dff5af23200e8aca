import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

describe('PII masking', () => {
  it('keeps first and last character of names', () => {
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李雷')).toBe('李*');
    expect(maskName('王')).toBe('*');
  });
  it('masks phones as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBeNull();
  });
  it('keeps only the last four characters of ID numbers: neither region nor birth date', () => {
    const masked = maskIdNumber('44030419800101123X')!;
    expect(masked).toBe('**************123X');
    expect(masked).not.toContain('440304');
    expect(masked).not.toContain('19800101');
    expect(maskIdNumber('AB12345')).toBe('*******');
    expect(maskIdNumber(null)).toBeNull();
  });
});
