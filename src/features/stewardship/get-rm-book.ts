/**
 * An RM's book against their capacity: load (eligible + release customers), the role's cap, and
 * the customers per stewardship state (idle among them). An RM may read only their own; managers
 * any RM in their subtree (staffScope). Anyone else answers 404 like a missing RM.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { loadSettings } from '../../platform/settings-store.js';
import { STEWARDSHIP_STATES, type StewardshipState } from '../../domain/enums.js';
import { ownsBook } from '../../domain/roles.js';
import { excessOverCapacity } from '../../domain/stewardship.js';
import { bookStates, staffInScope, stewardshipAsOf } from './book-queries.js';

export async function getRmBook(ctx: Ctx, actor: Actor, staffId: string) {
  const rm = await staffInScope(ctx.db, actor, staffId);
  if (!rm) throw new AppError('NOT_FOUND', `staff ${staffId} not in scope`, { userMessage: 'Staff member not found' });
  const [{ value: s }, asOf, rows] = await Promise.all([
    loadSettings(ctx.db),
    stewardshipAsOf(ctx.db),
    bookStates(ctx.db, staffId),
  ]);
  const states = Object.fromEntries(STEWARDSHIP_STATES.map((st) => [st, 0])) as Record<StewardshipState, number>;
  for (const r of rows) states[r.state] = Number(r.n);
  const load = Object.values(states).reduce((a, b) => a + b, 0);
  const cap = ownsBook(rm.role) ? s.stewardship.capacity[rm.role] : null;
  return { ...rm, asOf, load, cap, excess: cap === null ? 0 : excessOverCapacity(load, cap), states };
}
