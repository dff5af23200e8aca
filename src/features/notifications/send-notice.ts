/**
 * A manager (outlet head and above) sends a notice to active staff of their org subtree: an org
 * node (optionally only some roles; the sender is left out) or named staff. Recipients, their
 * notifications and the audit entry are written in one transaction — the notifications are the
 * outbox the push hub delivers after commit. An org node or staff member outside the sender's
 * subtree answers 404 like one that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { StaffRole } from '../../domain/settings.js';
import type { Actor } from '../../platform/auth/actor.js';
import { requireRole } from '../../platform/auth/roles.js';
import { likePrefix, orgNodeScope, staffScope } from '../../platform/auth/scope.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { notifyMany } from '../../platform/realtime/outbox.js';
import { noticeEvents } from './events.js';

/** who may send notices: outlet heads and everyone above them */
export const NOTICE_SENDER_ROLES: readonly StaffRole[] = [
  'outlet_head',
  'sub_branch_manager',
  'branch_manager',
  'head_office',
  'admin',
];

export type NoticeTarget = { orgId?: string; roles?: StaffRole[] } | { staffIds: string[] };

export interface NoticeInput {
  title: string;
  body: string;
  target: NoticeTarget;
}

export async function sendNotice(ctx: Ctx, actor: Actor, input: NoticeInput, ip?: string) {
  requireRole(actor, NOTICE_SENDER_ROLES, 'notices');
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const { recipients, to } =
      'staffIds' in input.target
        ? { recipients: await namedStaff(tx, actor, input.target.staffIds), to: null }
        : await subtreeStaff(tx, actor, input.target.orgId ?? actor.orgId, input.target.roles);
    if (recipients.length === 0)
      throw new AppError('VALIDATION', 'no active staff match the notice target', {
        userMessage: 'No active staff match this notice’s recipients',
      });
    const noticeId = randomUUID();
    const at = ctx.clock.now();
    await notifyMany(tx, noticeEvents, {
      type: 'notifications.notice',
      recipients,
      at,
      payload: {
        noticeId,
        title: input.title,
        body: input.body,
        from: {
          staffId: actor.staffId,
          name: actor.name,
          role: actor.role,
          orgId: actor.orgId,
          orgName: actor.orgName,
        },
        to,
      },
    });
    await writeAudit(tx, {
      action: 'notice_sent',
      entityType: 'notice',
      entityId: noticeId,
      after: { title: input.title, body: input.body, target: input.target, recipients: recipients.length },
      actorUserId: actor.userId,
      actorStaffId: actor.staffId,
      ip,
    });
    return { noticeId, recipients: recipients.length };
  });
}

async function subtreeStaff(tx: AppDb, actor: Actor, orgId: string, roles: StaffRole[] | undefined) {
  const [org] = await query<{ org_id: string; name: string; path: string }>(
    tx,
    sql`SELECT o.org_id, o.name, o.path FROM org_units o WHERE o.org_id = ${orgId} AND ${orgNodeScope(actor)}`,
  );
  if (!org)
    throw new AppError('NOT_FOUND', `org ${orgId} not found for ${actor.username}`, {
      userMessage: 'Organisation not found',
    });
  const rows = await query<{ staff_id: string }>(
    tx,
    sql`
    SELECT s.staff_id FROM staff s JOIN org_units o ON o.org_id = s.org_id
    WHERE s.status = 'active' AND o.path LIKE ${likePrefix(org.path)} AND s.staff_id <> ${actor.staffId}
      ${
        roles?.length
          ? sql`AND s.role IN (${sql.join(
              roles.map((r) => sql`${r}::staff_role`),
              sql`, `,
            )})`
          : sql``
      }`,
  );
  return { recipients: rows.map((r) => r.staff_id), to: { orgId: org.org_id, orgName: org.name } };
}

async function namedStaff(tx: AppDb, actor: Actor, staffIds: string[]): Promise<string[]> {
  const wanted = [...new Set(staffIds)];
  const rows = await query<{ staff_id: string }>(
    tx,
    sql`
    SELECT s.staff_id FROM staff s
    WHERE s.staff_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))
      AND s.status = 'active' AND ${staffScope(actor)}`,
  );
  if (rows.length < wanted.length) {
    const found = new Set(rows.map((r) => r.staff_id));
    const missing = wanted.filter((id) => !found.has(id));
    throw new AppError('NOT_FOUND', `staff ${missing.join(', ')} not found for ${actor.username}`, {
      userMessage: `Staff not found: ${missing.join(', ')}`,
    });
  }
  return rows.map((r) => r.staff_id);
}
