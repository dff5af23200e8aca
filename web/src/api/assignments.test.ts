import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { capacityStaff, staleCustomers } from './assignments';

const conflict = (details: unknown) => new ApiError(409, { code: 'CONFLICT', message: 'x', details } as never);

describe('reassignment refusals', () => {
  it('names the stale customers of a 409 and what changed', () => {
    const e = conflict({ reason: 'stale', customers: [{ customerId: 'C1', changed: ['rm', 'tier'] }] });
    expect(staleCustomers(e)).toEqual([{ customerId: 'C1', changed: ['rm', 'tier'] }]);
    expect(capacityStaff(e)).toBeNull();
  });

  it('names the RMs a 409 capacity refusal would overfill, and nothing for other errors', () => {
    const e = conflict({ reason: 'capacity', staff: [{ staffId: 'S1', load: 251, cap: 250, customers: ['C1'] }] });
    expect(capacityStaff(e)).toMatchObject([{ staffId: 'S1', load: 251, cap: 250 }]);
    expect(staleCustomers(e)).toBeNull();
    expect(staleCustomers(new ApiError(404, { code: 'NOT_FOUND', message: 'x' } as never))).toBeNull();
    expect(staleCustomers(new Error('x'))).toBeNull();
  });
});
