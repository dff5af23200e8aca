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
  it('keeps region and last four of ID numbers', () => {
    expect(maskIdNumber('44030419800101123X')).toBe('440304********123X');
  });
});
