/**
 * Role gates for whole capabilities (settings, imports, the org dashboard). Row-level visibility
 * stays in scope.ts; this only answers "may this role use this function at all".
 */
import type { StaffRole } from '../../domain/enums.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';

/** Roles that work with the org tree rather than a book of customers. */
export const ORG_ROLES: readonly StaffRole[] = [
  'lobby_manager',
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
];

/** Roles that may change bank configuration and look at the data pipeline. */
export const CONFIG_ROLES: readonly StaffRole[] = ['head_office', 'admin'];

/** Throws FORBIDDEN (403) unless the actor has one of `roles`; `what` names the function in the message. */
export function requireRole(actor: Actor, roles: readonly StaffRole[], what = 'this function'): void {
  if (roles.includes(actor.role)) return;
  throw new AppError('FORBIDDEN', `${actor.username} (${actor.role}) may not use ${what}`, {
    userMessage: `Your role (${actor.role}) may not use ${what}; it is available to: ${roles.join(', ')}`,
  });
}
