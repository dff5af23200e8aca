import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneTimePassword, passwordProblem } from './passwords.js';

describe('passwords', () => {
  it('names what is wrong with a password', () => {
    expect(passwordProblem('short1', 'rm0001')).toBe('too_short');
    expect(passwordProblem('onlyletters', 'rm0001')).toBe('needs_letter_and_digit');
    expect(passwordProblem('1234567890', 'rm0001')).toBe('needs_letter_and_digit');
    expect(passwordProblem('xxRM0001yy9', 'rm0001')).toBe('same_as_username');
    expect(passwordProblem('银行理财2026abc', 'rm0001')).toBeNull();
  });

  it('makes one-time passwords that always meet the rule', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (b) => {
        const p = oneTimePassword(b);
        return p.length === 12 && passwordProblem(p, 'admin') === null;
      }),
    );
    expect(oneTimePassword(randomBytes(12))).not.toBe(oneTimePassword(randomBytes(12)));
  });
});
