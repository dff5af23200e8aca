/**
 * The signed-in person, as every use case sees them. Scope (what they may see) derives from it.
 */
import type { OrgLevel, StaffRole } from '../../domain/enums.js';
import { ownsBook } from '../../domain/roles.js';

export interface Actor {
  userId: number;
  username: string;
  staffId: string;
  name: string;
  role: StaffRole;
  orgId: string;
  orgName: string;
  orgLevel: OrgLevel;
  /** materialised path of the actor's org node, e.g. '/HO/BR01/' */
  orgPath: string;
  /** signed in with a one-time password: only changing it is allowed */
  mustChangePassword: boolean;
}

/** RMs, wealth RMs and private-banking advisors see only the customers they manage. */
export const seesOwnBookOnly = (a: Pick<Actor, 'role'>): boolean => ownsBook(a.role);
