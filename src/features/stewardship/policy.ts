/**
 * Reassignment policy per org node (issue 11): `approval` (the default: proposals wait for a
 * manager) or `auto_apply` (a plan applies at once). A node without its own row inherits its
 * nearest ancestor's. Reading: managers of the node's subtree; changing: head office and admin,
 * audited as a rule change.
 */
import { sql } from 'drizzle-orm';
import type { AssignmentPolicyMode } from '../../domain/enums.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { effectivePolicy } from './assign-queries.js';
import { pathInOperatorScope, type Operator } from './operator.js';

async function orgInScope(db: AppDb, op: Operator, orgId: string): Promise<void> {
  const [o] = await query<{ org_id: string }>(
    db,
    sql`SELECT org_id FROM org_units o WHERE org_id = ${orgId} AND ${pathInOperatorScope(op, sql`o.path`)}`,
  );
  if (!o)
    throw new AppError('NOT_FOUND', `org ${orgId} not found`, { userMessage: `Organisation not found: ${orgId}` });
}

export async function getPolicy(ctx: Ctx, op: Operator, orgId: string) {
  await orgInScope(ctx.db, op, orgId);
  const p = await effectivePolicy(ctx.db, orgId);
  return {
    orgId,
    mode: p.mode,
    inheritedFrom: p.from === orgId ? null : p.from,
    updatedBy: p.updatedBy,
    updatedAt: p.updatedAt ? new Date(p.updatedAt).toISOString() : null,
  };
}

export async function setPolicy(ctx: Ctx, actor: Actor, op: Operator, orgId: string, mode: AssignmentPolicyMode) {
  requireRole(actor, CONFIG_ROLES, 'reassignment policies');
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    await orgInScope(tx, op, orgId);
    const before = await effectivePolicy(tx, orgId);
    const now = ctx.clock.now();
    await tx.execute(sql`
      INSERT INTO assignment_policies (org_id, mode, updated_by, updated_at)
      VALUES (${orgId}, ${mode}::assignment_policy_mode, ${op.by}, ${now.toISOString()}::timestamptz)
      ON CONFLICT (org_id) DO UPDATE SET mode = EXCLUDED.mode, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
    await writeAudit(tx, {
      action: 'settings_change',
      entityType: 'assignment_policy',
      entityId: orgId,
      before: { mode: before.mode, inheritedFrom: before.from },
      after: { mode },
      actorUserId: op.userId,
      actorStaffId: op.staffId,
      ip: op.ip,
      at: now,
    });
  });
  return getPolicy(ctx, op, orgId);
}
