/**
 * Who plans, approves and applies reassignments: a signed-in manager (outlet head, sub-branch and
 * branch managers for their subtree, head office and admin for the bank) or the command line's
 * operator (`guanhu assign`, the whole bank). RMs and lobby managers get 403.
 */
import { userInfo } from 'node:os';
import { sql, type SQL } from 'drizzle-orm';
import type { StaffRole } from '../../domain/enums.js';
import type { Actor } from '../../platform/auth/actor.js';
import { requireRole } from '../../platform/auth/roles.js';
import { likePrefix, orgScopePrefix } from '../../platform/auth/scope.js';

export const ASSIGN_ROLES: readonly StaffRole[] = [
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
];

export interface Operator {
  /** what created_by / decided_by record: the staff id, or `cli:<os user>` */
  by: string;
  userId: number | null;
  staffId: string | null;
  /** the org subtree as a path prefix ('/HO/BR01/'), or null for the whole bank */
  scopePath: string | null;
  /** the operator's own org node (the default org of a plan) */
  orgId: string | null;
  ip?: string;
}

/** A signed-in manager; 403 for every other role. */
export function staffOperator(actor: Actor, ip?: string): Operator {
  requireRole(actor, ASSIGN_ROLES, 'stewardship reassignment');
  return {
    by: actor.staffId,
    userId: actor.userId,
    staffId: actor.staffId,
    scopePath: orgScopePrefix(actor),
    orgId: actor.orgId,
    ip,
  };
}

/** The command line: the whole bank, recorded as `cli:<os user>`. */
export function cliOperator(): Operator {
  let name = 'operator';
  try {
    name = userInfo().username || name;
  } catch {
    // no passwd entry (containers): keep the generic name
  }
  return { by: `cli:${name}`, userId: null, staffId: null, scopePath: null, orgId: null };
}

/** SQL boolean: the org path expression lies in the operator's subtree. */
export function pathInOperatorScope(op: Operator, pathExpr: SQL): SQL {
  return op.scopePath === null ? sql`TRUE` : sql`${pathExpr} LIKE ${likePrefix(op.scopePath)}`;
}

/** Whether an org path lies in the operator's subtree (the same question in TypeScript). */
export const pathInScope = (op: Operator, path: string): boolean =>
  op.scopePath === null || path.startsWith(op.scopePath);
