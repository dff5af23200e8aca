/** SQL the reassignment use cases share: org places, batch visibility, batch status. */
import { sql } from 'drizzle-orm';
import type { Objective } from '../../domain/assignment/types.js';
import type { AssignmentBatchStatus, AssignmentPolicyMode } from '../../domain/enums.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { pathInOperatorScope, pathInScope, type Operator } from './operator.js';

export interface Place {
  outletId: string;
  subBranchId: string;
  branchId: string;
  path: string;
}

/**
 * Every org node's place for locality: itself as the "outlet", its nearest sub-branch ancestor
 * (or itself) as the sub-branch, its branch ancestor as the branch. Org trees are a few thousand
 * nodes at most, so one read.
 */
export async function orgPlaces(db: AppDb): Promise<Map<string, Place>> {
  const rows = await query<{ org_id: string; parent_id: string | null; level: string; path: string }>(
    db,
    sql`SELECT org_id, parent_id, level::text AS level, path FROM org_units`,
  );
  const byId = new Map(rows.map((r) => [r.org_id, r]));
  const places = new Map<string, Place>();
  for (const r of rows) {
    let sub: string | null = null;
    let branch: string | null = null;
    for (let n: typeof r | undefined = r; n; n = n.parent_id ? byId.get(n.parent_id) : undefined) {
      if (n.level === 'sub_branch' && sub === null) sub = n.org_id;
      if (n.level === 'branch' && branch === null) branch = n.org_id;
    }
    const b = branch ?? r.org_id;
    places.set(r.org_id, { outletId: r.org_id, subBranchId: sub ?? b, branchId: b, path: r.path });
  }
  return places;
}

/** The policy in force for an org node: its own row or its nearest ancestor's; default approval. */
export async function effectivePolicy(
  db: AppDb,
  orgId: string,
): Promise<{ mode: AssignmentPolicyMode; from: string | null; updatedBy: string | null; updatedAt: string | null }> {
  const [row] = await query<{ mode: AssignmentPolicyMode; org_id: string; updated_by: string; updated_at: string }>(
    db,
    sql`
    SELECT p.mode::text AS mode, p.org_id, p.updated_by, p.updated_at::text AS updated_at
    FROM org_units o
    JOIN org_units a ON o.path LIKE a.path || '%'
    JOIN assignment_policies p ON p.org_id = a.org_id
    WHERE o.org_id = ${orgId}
    ORDER BY a.depth DESC LIMIT 1`,
  );
  return row
    ? { mode: row.mode, from: row.org_id, updatedBy: row.updated_by, updatedAt: row.updated_at }
    : { mode: 'approval', from: null, updatedBy: null, updatedAt: null };
}

export interface BatchRow {
  batch_id: string;
  org_id: string;
  org_path: string;
  as_of_date: string;
  kind: 'plan' | 'transfer';
  from_staff_id: string | null;
  status: AssignmentBatchStatus;
  created_by: string;
  created_at: string;
  settings_version: number;
  objective: Objective;
  counts: Record<string, number>;
}

/**
 * SQL boolean over a batch joined to its org node `bo`: the operator may see the batch — it covers
 * a node of their subtree, or their subtree lies inside what it covers.
 */
export const batchVisible = (op: Operator) =>
  op.scopePath === null
    ? sql`TRUE`
    : sql`(${pathInOperatorScope(op, sql`bo.path`)} OR ${op.scopePath} LIKE bo.path || '%')`;

/** The batch, or 404 when it does not exist or the operator may not see it; `lock` takes it FOR UPDATE. */
export async function findBatch(db: AppDb, op: Operator, batchId: string, lock = false): Promise<BatchRow> {
  const [b] = await query<BatchRow>(
    db,
    sql`
    SELECT b.batch_id, b.org_id, bo.path AS org_path, b.as_of_date::text AS as_of_date, b.kind::text AS kind,
           b.from_staff_id, b.status::text AS status, b.created_by, b.created_at::text AS created_at,
           b.settings_version, b.objective, b.counts
    FROM assignment_batches b JOIN org_units bo ON bo.org_id = b.org_id
    WHERE b.batch_id = ${batchId} AND ${batchVisible(op)}
    ${lock ? sql`FOR UPDATE OF b` : sql``}`,
  );
  if (!b) throw new AppError('NOT_FOUND', `batch ${batchId} not found`, { userMessage: 'Batch not found' });
  return b;
}

/** Re-derives a batch's counts and status from its proposals. */
export async function refreshBatchStatus(db: AppDb, batchId: string): Promise<void> {
  await db.execute(sql`
    UPDATE assignment_batches b SET
      counts = jsonb_build_object(
        'proposals', c.total, 'unassigned', u.n, 'pending', c.pending, 'applied', c.applied,
        'rejected', c.rejected, 'stale', c.stale),
      status = (CASE WHEN c.total = 0 THEN 'empty' WHEN c.pending + c.approved > 0 THEN 'pending'
                     WHEN c.applied > 0 THEN 'applied' ELSE 'rejected' END)::assignment_batch_status
    FROM (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'approved')::int AS approved,
             count(*) FILTER (WHERE status = 'applied')::int AS applied,
             count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE status = 'stale')::int AS stale
      FROM assignment_proposals WHERE batch_id = ${batchId}) c,
      (SELECT count(*)::int AS n FROM assignment_unassigned WHERE batch_id = ${batchId}) u
    WHERE b.batch_id = ${batchId}`);
}

/**
 * The customer ids asked for, each a proposal of the batch inside the operator's subtree; 404
 * naming the others (outside the subtree is indistinguishable from not in the batch).
 */
export async function proposalsInScope(
  db: AppDb,
  op: Operator,
  batchId: string,
  customerIds: readonly string[] | undefined,
): Promise<{ customer_id: string; status: string }[]> {
  const rows = await query<{ customer_id: string; status: string; home_path: string }>(
    db,
    sql`
    SELECT customer_id, status::text AS status, home_path FROM assignment_proposals
    WHERE batch_id = ${batchId}
      ${customerIds ? sql`AND customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(customerIds)])}::jsonb))` : sql``}
      AND ${pathInOperatorScope(op, sql`home_path`)}
    ORDER BY customer_id`,
  );
  if (customerIds) {
    const found = new Set(rows.filter((r) => pathInScope(op, r.home_path)).map((r) => r.customer_id));
    const missing = [...new Set(customerIds)].filter((id) => !found.has(id));
    if (missing.length)
      throw new AppError('NOT_FOUND', `proposals not found in batch ${batchId}: ${missing.join(', ')}`, {
        userMessage: `Not in this batch: ${missing.join(', ')}`,
        details: { customerIds: missing },
      });
  }
  return rows;
}
