/**
 * What each role is (DOMAIN.md §1, §3): RMs, wealth RMs and private-banking advisors own a book of
 * customers and see only the customers they manage; every other role works with its org subtree;
 * head office and admins configure the bank. The server's gates (platform/auth) and the web's
 * menus both ask these.
 */
import { OWNER_ROLES, STAFF_ROLES, type OwnerRole, type StaffRole } from './enums.js';

const OWNERS: ReadonlySet<StaffRole> = new Set(OWNER_ROLES);

/** Whether the role owns a book of customers (管户). */
export const ownsBook = (role: StaffRole | null | undefined): role is OwnerRole => role != null && OWNERS.has(role);

/** Roles that work with the org tree rather than a book of customers: every role that owns none. */
export const ORG_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((r) => !ownsBook(r));

/** Roles that may change bank configuration and look at the data pipeline. */
export const CONFIG_ROLES = ['head_office', 'admin'] as const satisfies readonly StaffRole[];

/** Whether the role may change bank configuration (the API refuses the others with 403). */
export const mayConfigure = (role: StaffRole): boolean => (CONFIG_ROLES as readonly StaffRole[]).includes(role);
