import { describe, expect, it } from 'vitest';
import { OWNER_ROLES, STAFF_ROLES } from './enums.js';
import { ownsBook } from './roles.js';

describe('book-owning roles', () => {
  it('are exactly the owner roles', () => {
    expect(STAFF_ROLES.filter(ownsBook)).toEqual([...OWNER_ROLES]);
    expect(ownsBook(undefined)).toBe(false);
  });
});
