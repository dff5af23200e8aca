/**
 * Approve and apply a batch's proposals in one transaction (issue 11). A manager's approval is the
 * decision to apply: `POST /batches/:id/approve` approves the chosen pending proposals of their
 * subtree and applies them at once; `guanhu assign apply` and `POST /batches/:id/apply` approve
 * every pending proposal in the operator's scope (the CLI as `cli:<user>`, audited) and apply
 * them. Rejected and stale proposals never apply; applying twice changes nothing.
 *
 * Inside the transaction, in this order (the same for every apply, so two cannot deadlock):
 *   1. the batch row FOR UPDATE (two applies of one batch run one after the other);
 *   2. the target RMs' staff rows, then the customers, FOR UPDATE in id order;
 *   3. the stale check (stale-check.ts): any changed proposal refuses the whole apply with
 *      409 CONFLICT naming the customers, which are then marked `stale`;
 *   4. each target RM's load recounted from relationships: open + incoming − outgoing ≤ cap, or
 *      409 CONFLICT naming the RM and customers (two managers approving overlapping batches at
 *      the same moment therefore cannot break a cap: the second waits for the first's locks);
 *   5. the old relationship ends on the business date with end_reason idle | left | reassigned,
 *      the new one starts on it; customer_stewardship says managed; every change audited
 *      (before, after, reason, batch); both RMs notified through the outbox.
 */
import { sql } from 'drizzle-orm';
import { maskName } from '../../domain/mask.js';
import type { AssignmentBatchStatus, RelationshipEndReason, Tier } from '../../domain/enums.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../../platform/realtime/outbox.js';
import { loadSettings } from '../../platform/settings-store.js';
import { findBatch, refreshBatchStatus } from './assign-queries.js';
import { stewardshipEvents } from './events.js';
import { pathInOperatorScope, type Operator } from './operator.js';
import { staleProposals, type StaleProposal } from './stale-check.js';

export interface ApplyOutput {
  batchId: string;
  status: AssignmentBatchStatus;
  /** proposals approved by this call */
  approved: number;
  /** proposals applied by this call (0 when there was nothing left to apply) */
  applied: number;
}

/** relationships.end_reason for a proposal's reason */
export const END_REASON: Record<string, RelationshipEndReason> = {
  idle: 'idle',
  orphaned: 'left',
  transfer: 'left',
  wrong_role: 'reassigned',
  unmanaged: 'reassigned',
};

class StaleRefusal extends Error {
  constructor(readonly stale: StaleProposal[]) {
    super('stale');
  }
}

/**
 * Approves `approve` (customer ids, or every pending proposal in the operator's scope) and applies
 * every approved proposal in scope. Customer ids outside the batch or the subtree: 404.
 */
export async function applyBatch(
  ctx: Ctx,
  op: Operator,
  batchId: string,
  approve: readonly string[] | 'all' = 'all',
): Promise<ApplyOutput> {
  try {
    return await ctx.db.transaction(async (txRaw) => applyInTx(ctx, txRaw as unknown as AppDb, op, batchId, approve));
  } catch (err) {
    if (!(err instanceof StaleRefusal)) throw err;
    const ids = err.stale.map((s) => s.customerId);
    await ctx.db.execute(sql`
      UPDATE assignment_proposals SET status = 'stale', decided_at = ${ctx.clock.now().toISOString()}::timestamptz
      WHERE batch_id = ${batchId} AND status IN ('pending', 'approved')
        AND customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
    await refreshBatchStatus(ctx.db, batchId);
    throw new AppError(
      'CONFLICT',
      `batch ${batchId}: ${ids.length} proposals are stale: ${ids.slice(0, 20).join(', ')}`,
      {
        userMessage: `These customers changed since the plan was made and were not reassigned: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ' …' : ''}`,
        details: { reason: 'stale', customers: err.stale },
      },
    );
  }
}

async function applyInTx(
  ctx: Ctx,
  tx: AppDb,
  op: Operator,
  batchId: string,
  approve: readonly string[] | 'all',
): Promise<ApplyOutput> {
  const now = ctx.clock.now();
  const batch = await findBatch(tx, op, batchId, true);
  const scope = pathInOperatorScope(op, sql`p.home_path`);
  if (approve !== 'all') {
    const [found] = await query<{ ids: string[] | null }>(
      tx,
      sql`SELECT array_agg(p.customer_id) AS ids FROM assignment_proposals p
          WHERE p.batch_id = ${batchId} AND ${scope}
            AND p.customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(approve)])}::jsonb))`,
    );
    const have = new Set(found?.ids ?? []);
    const missing = [...new Set(approve)].filter((id) => !have.has(id));
    if (missing.length)
      throw new AppError('NOT_FOUND', `proposals not found in batch ${batchId}: ${missing.join(', ')}`, {
        userMessage: `Not in this batch: ${missing.join(', ')}`,
        details: { customerIds: missing },
      });
  }
  const approvedNow = await query<{ customer_id: string }>(
    tx,
    sql`
    UPDATE assignment_proposals p SET status = 'approved', decided_by = ${op.by}, decided_at = ${now.toISOString()}::timestamptz
    WHERE p.batch_id = ${batchId} AND p.status = 'pending' AND ${scope}
      ${approve === 'all' ? sql`` : sql`AND p.customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(approve)])}::jsonb))`}
    RETURNING p.customer_id`,
  );
  const applying = await query<{
    customer_id: string;
    from_staff_id: string | null;
    to_staff_id: string;
    reason: string;
    name: string;
    tier: Tier;
  }>(
    tx,
    sql`
    SELECT p.customer_id, p.from_staff_id, p.to_staff_id, p.reason, c.name, c.tier::text AS tier
    FROM assignment_proposals p JOIN customers c ON c.customer_id = p.customer_id
    WHERE p.batch_id = ${batchId} AND p.status = 'approved' AND ${scope}
    ORDER BY p.customer_id`,
  );
  if (applying.length === 0) {
    await refreshBatchStatus(tx, batchId);
    const [b] = await query<{ status: AssignmentBatchStatus }>(
      tx,
      sql`SELECT status::text AS status FROM assignment_batches WHERE batch_id = ${batchId}`,
    );
    return { batchId, status: b!.status, approved: 0, applied: 0 };
  }
  const ids = applying.map((a) => a.customer_id);
  const idsJson = JSON.stringify(ids);
  const targets = [...new Set(applying.map((a) => a.to_staff_id))].sort();
  const inIds = sql`(SELECT jsonb_array_elements_text(${idsJson}::jsonb))`;

  // 2. locks, in a stable order: staff by id, then customers by id
  await tx.execute(sql`
    SELECT staff_id FROM staff WHERE staff_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(targets)}::jsonb))
    ORDER BY staff_id FOR UPDATE`);
  await tx.execute(
    sql`SELECT customer_id FROM customers WHERE customer_id IN ${inIds} ORDER BY customer_id FOR UPDATE`,
  );

  // 3. stale check against what is committed now
  const { version, value: settings } = await loadSettings(tx);
  const s = settings.stewardship;
  const stale = await staleProposals(tx, batchId, batch.kind, ids, s);
  if (stale.length) throw new StaleRefusal(stale);

  // 4. caps, recounted under the locks
  const loads = await query<{ staff_id: string; role: 'rm' | 'wealth_rm' | 'private_advisor'; open: number }>(
    tx,
    sql`
    SELECT s.staff_id, s.role::text AS role,
           (SELECT count(*) FROM relationships r WHERE r.staff_id = s.staff_id AND r.ended_on IS NULL)::int AS open
    FROM staff s WHERE s.staff_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(targets)}::jsonb))`,
  );
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, number>();
  for (const a of applying) {
    incoming.set(a.to_staff_id, [...(incoming.get(a.to_staff_id) ?? []), a.customer_id]);
    if (a.from_staff_id) outgoing.set(a.from_staff_id, (outgoing.get(a.from_staff_id) ?? 0) + 1);
  }
  const over = loads
    .map((l) => {
      const inc = incoming.get(l.staff_id) ?? [];
      return {
        staffId: l.staff_id,
        cap: s.capacity[l.role],
        load: l.open + inc.length - (outgoing.get(l.staff_id) ?? 0),
        customers: inc,
      };
    })
    .filter((l) => l.load > l.cap)
    .sort((a, b) => (a.staffId < b.staffId ? -1 : 1));
  if (over.length)
    throw new AppError(
      'CONFLICT',
      `batch ${batchId}: applying would put ${over.map((o) => `${o.staffId} at ${o.load}/${o.cap}`).join(', ')}`,
      {
        userMessage: `RMs would pass their cap: ${over.map((o) => `${o.staffId} (${o.load}/${o.cap})`).join(', ')}`,
        details: { reason: 'capacity', staff: over },
      },
    );

  // 5. apply
  const aumDate = await currentAumDate(tx);
  const day = aumDate && aumDate > batch.as_of_date ? aumDate : batch.as_of_date;
  const endReason = sql`CASE p.reason WHEN 'idle' THEN 'idle' WHEN 'orphaned' THEN 'left' WHEN 'transfer' THEN 'left' ELSE 'reassigned' END`;
  await tx.execute(sql`
    UPDATE relationships r SET ended_on = GREATEST(r.started_on, ${day}::date), end_reason = ${endReason}
    FROM assignment_proposals p
    WHERE p.batch_id = ${batchId} AND p.customer_id IN ${inIds} AND r.customer_id = p.customer_id AND r.ended_on IS NULL`);
  await tx.execute(sql`
    INSERT INTO relationships (customer_id, staff_id, started_on)
    SELECT p.customer_id, p.to_staff_id, ${day}::date FROM assignment_proposals p
    WHERE p.batch_id = ${batchId} AND p.customer_id IN ${inIds} ORDER BY p.customer_id`);
  await tx.execute(sql`
    UPDATE customer_stewardship cs SET state = 'managed', staff_id = p.to_staff_id, since = ${day}::date,
           last_valid_contact_on = NULL
    FROM assignment_proposals p
    WHERE p.batch_id = ${batchId} AND p.customer_id IN ${inIds} AND cs.customer_id = p.customer_id`);
  await tx.execute(sql`
    UPDATE assignment_proposals p SET status = 'applied', applied_at = ${now.toISOString()}::timestamptz
    WHERE p.batch_id = ${batchId} AND p.customer_id IN ${inIds}`);

  if (approvedNow.length)
    await writeAudit(tx, {
      action: 'assignment_decided',
      entityType: 'assignment_batch',
      entityId: batchId,
      after: {
        decision: 'approve',
        by: op.by,
        count: approvedNow.length,
        customerIds: approvedNow.map((a) => a.customer_id),
      },
      actorUserId: op.userId,
      actorStaffId: op.staffId,
      ip: op.ip,
      at: now,
    });
  // the `reassignment` audit event of audit.ts for every applied customer, written set-based
  // (one statement instead of tens of thousands of typed rows built in JavaScript)
  await tx.execute(sql`
    INSERT INTO audit_log (at, action, actor_user_id, actor_staff_id, entity_type, entity_id, reason, before, after,
                           rule_version, run_id, ip)
    SELECT ${now.toISOString()}::timestamptz, 'reassignment', ${op.userId}::int, ${op.staffId}::text, 'customer',
           p.customer_id, p.reason, jsonb_build_object('staffId', p.from_staff_id),
           jsonb_build_object('staffId', p.to_staff_id, 'startedOn', ${day}::text,
                              'endReason', CASE WHEN p.from_staff_id IS NULL THEN NULL ELSE ${endReason} END,
                              'batchId', p.batch_id, 'by', ${op.by}::text),
           ${version}::int, p.batch_id, ${op.ip ?? null}::text
    FROM assignment_proposals p
    WHERE p.batch_id = ${batchId} AND p.customer_id IN ${inIds}
    ORDER BY p.customer_id`);

  // notifications: one per RM and kind, in staff-id order (outbox.ts: cursors locked in that order)
  const assigned = new Map<string, typeof applying>();
  const released = new Map<string, typeof applying>();
  for (const a of applying) {
    assigned.set(a.to_staff_id, [...(assigned.get(a.to_staff_id) ?? []), a]);
    if (a.from_staff_id) released.set(a.from_staff_id, [...(released.get(a.from_staff_id) ?? []), a]);
  }
  const recipients = [...new Set([...assigned.keys(), ...released.keys()])].sort();
  for (const staffId of recipients) {
    const got = assigned.get(staffId);
    if (got)
      await notify(tx, stewardshipEvents, {
        recipient: staffId,
        type: 'stewardship.assigned',
        at: now,
        payload: {
          batchId,
          count: got.length,
          customers: got.map((a) => ({
            customerId: a.customer_id,
            name: maskName(a.name),
            tier: a.tier,
            reason: a.reason,
            fromStaffId: a.from_staff_id,
          })),
        },
      });
    const lost = released.get(staffId);
    if (lost)
      await notify(tx, stewardshipEvents, {
        recipient: staffId,
        type: 'stewardship.released',
        at: now,
        payload: {
          batchId,
          count: lost.length,
          customers: lost.map((a) => ({
            customerId: a.customer_id,
            name: maskName(a.name),
            tier: a.tier,
            reason: a.reason,
            toStaffId: a.to_staff_id,
          })),
        },
      });
  }
  await refreshBatchStatus(tx, batchId);
  const [b] = await query<{ status: AssignmentBatchStatus }>(
    tx,
    sql`SELECT status::text AS status FROM assignment_batches WHERE batch_id = ${batchId}`,
  );
  return { batchId, status: b!.status, approved: approvedNow.length, applied: applying.length };
}
