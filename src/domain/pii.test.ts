import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './enums.js';
import { mayRevealPii } from './pii.js';

describe('who may reveal PII', () => {
  it('the owning RM (any book-owning role) may', () => {
    for (const role of ['rm', 'wealth_rm', 'private_advisor'] as const)
      expect(mayRevealPii({ role, staffId: 'S1' }, 'S1')).toBe(true);
  });

  it('another RM, an unmanaged customer and every other role may not', () => {
    expect(mayRevealPii({ role: 'rm', staffId: 'S1' }, 'S2')).toBe(false);
    expect(mayRevealPii({ role: 'rm', staffId: 'S1' }, null)).toBe(false);
    for (const role of STAFF_ROLES.filter((r) => !['rm', 'wealth_rm', 'private_advisor'].includes(r)))
      expect(mayRevealPii({ role, staffId: 'S1' }, 'S1')).toBe(false);
  });
});
