/**
 * Who owns a book of customers (DOMAIN.md §1, §3): RMs, wealth RMs and private-banking advisors.
 * They see only the customers they manage; every other role works with its org subtree.
 */
import { OWNER_ROLES, type OwnerRole, type StaffRole } from './enums.js';

const OWNERS: ReadonlySet<StaffRole> = new Set(OWNER_ROLES);

/** Whether the role owns a book of customers (管户). */
export const ownsBook = (role: StaffRole | null | undefined): role is OwnerRole => role != null && OWNERS.has(role);
