import { describe, expect, it } from 'vitest';
import { OWNER_ROLES, STAFF_ROLES } from './enums.js';
import { mayConfigure, ORG_ROLES, ownsBook } from './roles.js';

describe('book-owning roles', () => {
  it('are exactly the owner roles', () => {
    expect(STAFF_ROLES.filter(ownsBook)).toEqual([...OWNER_ROLES]);
    expect(ownsBook(undefined)).toBe(false);
  });
});

describe('org and configuration roles', () => {
  it('org roles are every role that owns no book; head office and admin configure', () => {
    expect(ORG_ROLES).toEqual([
      'lobby_manager',
      'outlet_head',
      'sub_branch_manager',
      'branch_manager',
      'head_office',
      'admin',
    ]);
    expect(STAFF_ROLES.filter(mayConfigure)).toEqual(['head_office', 'admin']);
  });
});
