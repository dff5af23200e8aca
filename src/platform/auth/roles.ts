/**
 * Role gates for whole capabilities (settings, imports, the org dashboard). Row-level visibility
 * stays in scope.ts; this only answers "may this role use this function at all".
 */
import type { StaffRole } from '../../domain/enums.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';

export { CONFIG_ROLES, ORG_ROLES } from '../../domain/roles.js';

/** Throws FORBIDDEN (403) unless the actor has one of `roles`; `what` names the function in the message. */
export function requireRole(actor: Actor, roles: readonly StaffRole[], what = 'this function'): void {
  if (roles.includes(actor.role)) return;
  throw new AppError('FORBIDDEN', `${actor.username} (${actor.role}) may not use ${what}`, {
    userMessage: `Your role (${actor.role}) may not use ${what}; it is available to: ${roles.join(', ')}`,
  });
}
