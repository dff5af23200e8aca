/**
 * Read batches (issue 11): the list a manager may see, one batch with its proposals and
 * unassigned customers of their subtree (names masked), and the CSV export
 * `customer_id,from_staff_id,to_staff_id,reason` (audited).
 */
import { sql } from 'drizzle-orm';
import type { Explanation, Locality, UnassignedReason } from '../../domain/assignment/types.js';
import type { AssignmentProposalStatus, Tier } from '../../domain/enums.js';
import { maskName } from '../../domain/mask.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { query } from '../../platform/db/query.js';
import { batchVisible, findBatch, type BatchRow } from './assign-queries.js';
import { pathInOperatorScope, type Operator } from './operator.js';

export const batchSummary = (b: BatchRow) => ({
  batchId: b.batch_id,
  kind: b.kind,
  orgId: b.org_id,
  asOfDate: b.as_of_date,
  fromStaffId: b.from_staff_id,
  status: b.status,
  createdBy: b.created_by,
  createdAt: new Date(b.created_at).toISOString(),
  settingsVersion: b.settings_version,
  objective: b.objective,
  counts: b.counts,
});

export async function listBatches(ctx: Ctx, op: Operator, q: { status?: string; page: number; pageSize: number }) {
  const where = sql`${batchVisible(op)} ${q.status ? sql`AND b.status::text = ${q.status}` : sql``}`;
  const [{ total } = { total: 0 }] = await query<{ total: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS total FROM assignment_batches b JOIN org_units bo ON bo.org_id = b.org_id WHERE ${where}`,
  );
  const rows = await query<BatchRow>(
    ctx.db,
    sql`
    SELECT b.batch_id, b.org_id, bo.path AS org_path, b.as_of_date::text AS as_of_date, b.kind::text AS kind,
           b.from_staff_id, b.status::text AS status, b.created_by, b.created_at::text AS created_at,
           b.settings_version, b.objective, b.counts
    FROM assignment_batches b JOIN org_units bo ON bo.org_id = b.org_id
    WHERE ${where}
    ORDER BY b.created_at DESC, b.batch_id DESC
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { total, page: q.page, pageSize: q.pageSize, rows: rows.map(batchSummary) };
}

export async function getBatch(
  ctx: Ctx,
  op: Operator,
  batchId: string,
  q: { status?: string; page: number; pageSize: number },
) {
  const b = await findBatch(ctx.db, op, batchId);
  const scope = pathInOperatorScope(op, sql`p.home_path`);
  const where = sql`p.batch_id = ${batchId} AND ${scope} ${q.status ? sql`AND p.status::text = ${q.status}` : sql``}`;
  const [{ total } = { total: 0 }] = await query<{ total: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS total FROM assignment_proposals p WHERE ${where}`,
  );
  const rows = await query<{
    customer_id: string;
    name: string;
    tier: Tier;
    home_org_id: string;
    from_staff_id: string | null;
    from_name: string | null;
    to_staff_id: string;
    to_name: string;
    reason: string;
    locality: Locality;
    explanation: Explanation[];
    status: AssignmentProposalStatus;
    decided_by: string | null;
    decided_at: string | null;
    reject_reason: string | null;
  }>(
    ctx.db,
    sql`
    SELECT p.customer_id, c.name, c.tier::text AS tier, c.home_org_id, p.from_staff_id, fs.name AS from_name,
           p.to_staff_id, ts.name AS to_name, p.reason, p.locality, p.explanation, p.status::text AS status,
           p.decided_by, p.decided_at::text AS decided_at, p.reject_reason
    FROM assignment_proposals p
    JOIN customers c ON c.customer_id = p.customer_id
    JOIN staff ts ON ts.staff_id = p.to_staff_id
    LEFT JOIN staff fs ON fs.staff_id = p.from_staff_id
    WHERE ${where}
    ORDER BY p.customer_id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const unassigned = await query<{ customer_id: string; name: string; tier: Tier; reason: UnassignedReason }>(
    ctx.db,
    sql`
    SELECT u.customer_id, c.name, c.tier::text AS tier, u.reason
    FROM assignment_unassigned u JOIN customers c ON c.customer_id = u.customer_id
    JOIN org_units o ON o.org_id = c.home_org_id
    WHERE u.batch_id = ${batchId} AND ${pathInOperatorScope(op, sql`o.path`)}
    ORDER BY u.customer_id LIMIT 1000`,
  );
  return {
    batch: batchSummary(b),
    proposals: {
      total,
      page: q.page,
      pageSize: q.pageSize,
      rows: rows.map((r) => ({
        customerId: r.customer_id,
        name: maskName(r.name),
        tier: r.tier,
        homeOrgId: r.home_org_id,
        fromStaffId: r.from_staff_id,
        fromStaffName: r.from_name,
        toStaffId: r.to_staff_id,
        toStaffName: r.to_name,
        reason: r.reason,
        locality: r.locality,
        explanation: r.explanation,
        status: r.status,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        rejectReason: r.reject_reason,
      })),
    },
    unassigned: unassigned.map((u) => ({
      customerId: u.customer_id,
      name: maskName(u.name),
      tier: u.tier,
      reason: u.reason,
    })),
  };
}

export const EXPORT_HEADER = 'customer_id,from_staff_id,to_staff_id,reason';

const csvCell = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The batch's proposals in the operator's scope as CSV (ids only, no names), audited. */
export async function exportBatchCsv(ctx: Ctx, op: Operator, batchId: string): Promise<string> {
  await findBatch(ctx.db, op, batchId);
  const rows = await query<{ customer_id: string; from_staff_id: string | null; to_staff_id: string; reason: string }>(
    ctx.db,
    sql`SELECT p.customer_id, p.from_staff_id, p.to_staff_id, p.reason FROM assignment_proposals p
        WHERE p.batch_id = ${batchId} AND ${pathInOperatorScope(op, sql`p.home_path`)} ORDER BY p.customer_id`,
  );
  await writeAudit(ctx.db, {
    action: 'export',
    entityType: 'assignment_batch',
    entityId: batchId,
    rows: rows.length,
    actorUserId: op.userId,
    actorStaffId: op.staffId,
    ip: op.ip,
    at: ctx.clock.now(),
  });
  const lines = rows.map((r) => [r.customer_id, r.from_staff_id, r.to_staff_id, r.reason].map(csvCell).join(','));
  return `${[EXPORT_HEADER, ...lines].join('\n')}\n`;
}
