/**
 * The signed-in person, as every use case sees them. Scope (what they may see) derives from it.
 */
import type { StaffRole } from '../../domain/settings.js';

export interface Actor {
  userId: number;
  username: string;
  staffId: string;
  name: string;
  role: StaffRole;
  orgId: string;
  orgName: string;
  orgLevel: 'head_office' | 'branch' | 'sub_branch' | 'outlet';
  /** materialised path of the actor's org node, e.g. '/HO/BR01/' */
  orgPath: string;
  /** signed in with a one-time password: only changing it is allowed */
  mustChangePassword: boolean;
}

const BOOK_ROLES: ReadonlySet<StaffRole> = new Set(['rm', 'wealth_rm', 'private_advisor']);

/** RMs, wealth RMs and private-banking advisors see only the customers they manage. */
export const seesOwnBookOnly = (a: Pick<Actor, 'role'>): boolean => BOOK_ROLES.has(a.role);
