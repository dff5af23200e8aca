/**
 * Audit events are a typed union written to the append-only audit_log table (a trigger refuses
 * UPDATE/DELETE). Every PII reveal, export, reassignment, rule change and notice goes through here.
 */
import { auditLog } from './db/schema.js';
import type { AppDb } from './db/client.js';
import type { AuditAction } from '../domain/enums.js';

interface Base {
  /** when it happened, from the caller's clock (default: the database's now()) */
  at?: Date;
  actorUserId?: number | null;
  actorStaffId?: string | null;
  ip?: string | null;
}

export type AuditEvent = Base &
  (
    | { action: 'login' | 'logout'; entityType: 'user'; entityId: string }
    | { action: 'login_failed'; entityType: 'user'; entityId: string; reason: string }
    | { action: 'login_refused'; entityType: 'user'; entityId: string; reason: string }
    | { action: 'pii_reveal_refused'; entityType: 'customer'; entityId: string; reason: string }
    | { action: 'pii_reveal'; entityType: 'customer'; entityId: string; reason: string; fields: string[] }
    | { action: 'export'; entityType: string; entityId: string; reason?: string; rows: number }
    | {
        action: 'reassignment';
        entityType: 'customer';
        entityId: string;
        reason: string;
        before: unknown;
        after: unknown;
        runId?: string;
        ruleVersion?: number;
      }
    | {
        action: 'settings_change';
        entityType: 'settings';
        entityId: string;
        reason?: string;
        before: unknown;
        after: unknown;
        ruleVersion: number;
      }
    | {
        /** a reassignment policy of an org node changed (a rule change) */
        action: 'settings_change';
        entityType: 'assignment_policy';
        entityId: string;
        before: unknown;
        after: unknown;
      }
    | { action: 'assignment_planned'; entityType: 'assignment_batch'; entityId: string; after: unknown }
    | {
        /** proposals of a batch approved or rejected (after: { decision, customerIds, reason? }) */
        action: 'assignment_decided';
        entityType: 'assignment_batch';
        entityId: string;
        reason?: string;
        after: unknown;
      }
    | { action: 'seed'; entityType: 'database'; entityId: string; after: unknown }
    | {
        action: 'user_created' | 'password_changed' | 'password_reset' | 'user_disabled' | 'user_enabled';
        entityType: 'user';
        entityId: string;
        after?: unknown;
      }
    | { action: 'notice_sent'; entityType: 'notice'; entityId: string; after: unknown }
    | { action: 'import_started'; entityType: 'import_job'; entityId: string; after: unknown }
    | { action: 'batch_started'; entityType: 'batch_job'; entityId: string; after: unknown }
    | {
        /** an operator loaded a holdings day much smaller than the day before (--accept-shrink) */
        action: 'import_shrink_accepted';
        entityType: 'import_file';
        entityId: string;
        reason: string;
        before: unknown;
        after: unknown;
        runId: string;
      }
  );

// Every action of the domain list (src/domain/enums.ts, the SQL enum) has its event shape here;
// the column's type refuses an action the list lacks.
type ActionWithoutEvent = Exclude<AuditAction, AuditEvent['action']>;
const _everyActionHasAnEvent: [ActionWithoutEvent] extends [never] ? true : ActionWithoutEvent = true;

export async function writeAudit(db: AppDb, e: AuditEvent): Promise<void> {
  await db.insert(auditLog).values(auditRow(e));
}

function auditRow(e: AuditEvent) {
  const extra = e.action === 'pii_reveal' ? { fields: e.fields } : e.action === 'export' ? { rows: e.rows } : undefined;
  return {
    ...(e.at ? { at: e.at } : {}),
    action: e.action,
    actorUserId: e.actorUserId ?? null,
    actorStaffId: e.actorStaffId ?? null,
    entityType: e.entityType,
    entityId: e.entityId,
    reason: 'reason' in e ? (e.reason ?? null) : null,
    before: 'before' in e ? (e.before as object) : null,
    after: 'after' in e ? (e.after as object) : (extra ?? null),
    ruleVersion: 'ruleVersion' in e ? (e.ruleVersion ?? null) : null,
    runId: 'runId' in e ? (e.runId ?? null) : null,
    ip: e.ip ?? null,
  };
}
