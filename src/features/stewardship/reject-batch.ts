/**
 * Reject pending proposals of a batch (issue 11): chosen ones, or every pending one in the
 * manager's subtree. A rejected proposal never applies; the decision is audited with its reason.
 */
import { sql } from 'drizzle-orm';
import type { AssignmentBatchStatus } from '../../domain/enums.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { findBatch, proposalsInScope, refreshBatchStatus } from './assign-queries.js';
import { pathInOperatorScope, type Operator } from './operator.js';

export async function rejectBatch(
  ctx: Ctx,
  op: Operator,
  batchId: string,
  input: { customerIds?: string[]; reason: string },
): Promise<{ batchId: string; status: AssignmentBatchStatus; rejected: number }> {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    const now = ctx.clock.now();
    await findBatch(tx, op, batchId, true);
    if (input.customerIds) await proposalsInScope(tx, op, batchId, input.customerIds);
    const rows = await query<{ customer_id: string }>(
      tx,
      sql`
      UPDATE assignment_proposals p SET status = 'rejected', decided_by = ${op.by},
             decided_at = ${now.toISOString()}::timestamptz, reject_reason = ${input.reason}
      WHERE p.batch_id = ${batchId} AND p.status = 'pending' AND ${pathInOperatorScope(op, sql`p.home_path`)}
        ${input.customerIds ? sql`AND p.customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(input.customerIds)}::jsonb))` : sql``}
      RETURNING p.customer_id`,
    );
    if (rows.length)
      await writeAudit(tx, {
        action: 'assignment_decided',
        entityType: 'assignment_batch',
        entityId: batchId,
        reason: input.reason,
        after: { decision: 'reject', by: op.by, count: rows.length, customerIds: rows.map((r) => r.customer_id) },
        actorUserId: op.userId,
        actorStaffId: op.staffId,
        ip: op.ip,
        at: now,
      });
    await refreshBatchStatus(tx, batchId);
    const [b] = await query<{ status: AssignmentBatchStatus }>(
      tx,
      sql`SELECT status::text AS status FROM assignment_batches WHERE batch_id = ${batchId}`,
    );
    return { batchId, status: b!.status, rejected: rows.length };
  });
}
