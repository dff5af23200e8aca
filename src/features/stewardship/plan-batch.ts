/**
 * Plan a reassignment batch (DOMAIN.md §3, issue 11): gather the customers of an org subtree who
 * need an RM on a business date and the RMs of their branches, let the solver answer, and write
 * the answer as a proposal batch. A leaving RM's book (kind `transfer`) goes through the same
 * solver: their eligible customers are the ones needing an RM, and they are not a candidate.
 *
 * Who needs an RM: eligible (tier ≥ managedFromTier) customers whose nightly stewardship state is
 * unmanaged, orphaned, wrong_role or idle, and whose open relationship is still the one the state
 * describes (one changed since — e.g. by a batch applied today — waits for the next night).
 * Customers below the eligible tiers are never proposed; healthy (managed) ones never move.
 *
 * RM load (decided here, documented in docs/architecture.md): an RM's open primary relationships,
 * i.e. their eligible customers plus the below-premium ones they still hold (the release list) —
 * both take the RM's time until released. The solver's `load` is what stays whatever the plan
 * does: open relationships minus this RM's customers who are in the problem.
 *
 * With the org node's policy `auto_apply` the batch is applied at once (apply-batch.ts).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { solveAssignment } from '../../domain/assignment/solve.js';
import type {
  AssignCustomer,
  AssignRm,
  Explanation,
  Locality,
  NeedReason,
  Objective,
  UnassignedReason,
} from '../../domain/assignment/types.js';
import { OWNER_ROLES, type AssignmentBatchStatus, type OwnerRole, type Tier } from '../../domain/enums.js';
import { writeAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { AppDb } from '../../platform/db/client.js';
import { query } from '../../platform/db/query.js';
import { currentAumDate } from '../../platform/db/state.js';
import { AppError } from '../../platform/errors.js';
import { loadSettings } from '../../platform/settings-store.js';
import { applyBatch } from './apply-batch.js';
import { effectivePolicy, orgPlaces, refreshBatchStatus } from './assign-queries.js';
import { pathInOperatorScope, type Operator } from './operator.js';

export interface PlanInput {
  /** business date (default: the date the current AUM is for) */
  date?: string;
  /** the org subtree to plan for (default: the operator's own node, or the bank) */
  orgId?: string;
  /** a transfer: the leaving RM whose book moves */
  fromStaffId?: string;
}

/** What a proposal's stale check compares (assignment_proposals.snapshot). */
export interface ProposalSnapshot {
  staffId: string | null;
  tier: Tier;
  homeOrgId: string;
  state: string;
  to: { role: OwnerRole; orgId: string };
  cap: number;
}

export interface PlanOutput {
  batchId: string;
  kind: 'plan' | 'transfer';
  orgId: string;
  asOfDate: string;
  fromStaffId: string | null;
  settingsVersion: number;
  policy: 'approval' | 'auto_apply';
  status: AssignmentBatchStatus;
  proposals: {
    customerId: string;
    fromStaffId: string | null;
    toStaffId: string;
    reason: string;
    locality: Locality;
    explanation: Explanation[];
  }[];
  unassigned: { customerId: string; reason: UnassignedReason }[];
  objective: Objective;
  /** proposals applied at once (auto_apply policy), else 0 */
  applied: number;
}

const NEEDS: readonly NeedReason[] = ['unmanaged', 'orphaned', 'wrong_role', 'idle'];

export async function planBatch(ctx: Ctx, op: Operator, input: PlanInput): Promise<PlanOutput> {
  const db = ctx.db;
  const { version, value: settings } = await loadSettings(db);
  const s = settings.stewardship;
  const date = input.date ?? (await currentAumDate(db));
  if (!date)
    throw new AppError('VALIDATION', 'no business date: no AUM has been computed yet', {
      userMessage: 'There is no business date yet: run the nightly batch first',
    });

  let from: { staff_id: string; org_id: string } | undefined;
  if (input.fromStaffId) {
    [from] = await query<{ staff_id: string; org_id: string }>(
      db,
      sql`SELECT s.staff_id, s.org_id FROM staff s JOIN org_units o ON o.org_id = s.org_id
          WHERE s.staff_id = ${input.fromStaffId} AND s.role::text IN (${sql.join(
            OWNER_ROLES.map((r) => sql`${r}`),
            sql`, `,
          )}) AND ${pathInOperatorScope(op, sql`o.path`)}`,
    );
    if (!from)
      throw new AppError('NOT_FOUND', `RM ${input.fromStaffId} not found`, {
        userMessage: `RM not found: ${input.fromStaffId}`,
      });
  }

  const orgId = input.orgId ?? (from ? undefined : op.orgId) ?? null;
  const [org] = await query<{ org_id: string; path: string }>(
    db,
    orgId
      ? sql`SELECT org_id, path FROM org_units o WHERE org_id = ${orgId} AND ${pathInOperatorScope(op, sql`o.path`)}`
      : sql`SELECT org_id, path FROM org_units o WHERE parent_id IS NULL`,
  );
  if (!org)
    throw new AppError('NOT_FOUND', `org ${orgId} not found`, { userMessage: `Organisation not found: ${orgId}` });

  const aumCol = settings.tiers.basis === 'period_end' ? sql`d.aum_fen` : sql`d.avg_fen`;
  const eligible = sql`c.tier >= ${s.managedFromTier}::tier`;
  const needRows = await query<{
    customer_id: string;
    state: string;
    tier: Tier;
    staff_id: string | null;
    home_org_id: string;
    aum: string;
  }>(
    db,
    from
      ? sql`
    SELECT c.customer_id, coalesce(cs.state::text, 'managed') AS state, c.tier::text AS tier, r.staff_id,
           c.home_org_id, coalesce(${aumCol}, 0)::text AS aum
    FROM relationships r
    JOIN customers c ON c.customer_id = r.customer_id
    JOIN org_units o ON o.org_id = c.home_org_id
    LEFT JOIN customer_stewardship cs ON cs.customer_id = c.customer_id
    LEFT JOIN customer_aum_daily d ON d.as_of_date = ${date}::date AND d.customer_id = c.customer_id
    WHERE r.staff_id = ${from.staff_id} AND r.ended_on IS NULL AND ${eligible}
      AND o.path LIKE ${org.path} || '%' AND ${pathInOperatorScope(op, sql`o.path`)}`
      : sql`
    SELECT c.customer_id, cs.state::text AS state, c.tier::text AS tier, r.staff_id,
           c.home_org_id, coalesce(${aumCol}, 0)::text AS aum
    FROM customer_stewardship cs
    JOIN customers c ON c.customer_id = cs.customer_id
    JOIN org_units o ON o.org_id = c.home_org_id
    LEFT JOIN relationships r ON r.customer_id = cs.customer_id AND r.ended_on IS NULL
    LEFT JOIN customer_aum_daily d ON d.as_of_date = ${date}::date AND d.customer_id = c.customer_id
    WHERE cs.state::text IN (${sql.join(
      NEEDS.map((n) => sql`${n}`),
      sql`, `,
    )}) AND ${eligible}
      AND r.staff_id IS NOT DISTINCT FROM cs.staff_id
      AND o.path LIKE ${org.path} || '%' AND ${pathInOperatorScope(op, sql`o.path`)}`,
  );
  // A transfer may cover a book homed across the bank: the org filter above is then the bank's root.

  const places = await orgPlaces(db);
  const customers: AssignCustomer[] = [];
  const homePath = new Map<string, string>();
  for (const r of needRows) {
    const p = places.get(r.home_org_id)!;
    homePath.set(r.customer_id, p.path);
    customers.push({
      customerId: r.customer_id,
      tier: r.tier,
      aumFen: BigInt(r.aum),
      outletId: p.outletId,
      subBranchId: p.subBranchId,
      branchId: p.branchId,
      currentStaffId: r.staff_id,
      need: from ? 'orphaned' : (r.state as NeedReason),
    });
  }
  const byCustomer = new Map(needRows.map((r) => [r.customer_id, r]));

  const branches = new Set(customers.map((c) => c.branchId));
  const inProblem = new Map<string, number>();
  for (const c of customers)
    if (c.currentStaffId) inProblem.set(c.currentStaffId, (inProblem.get(c.currentStaffId) ?? 0) + 1);
  const staffRows =
    branches.size === 0
      ? []
      : await query<{ staff_id: string; role: OwnerRole; org_id: string; open: number }>(
          db,
          sql`
    SELECT s.staff_id, s.role::text AS role, s.org_id, coalesce(l.n, 0)::int AS open
    FROM staff s
    LEFT JOIN (SELECT staff_id, count(*) AS n FROM relationships WHERE ended_on IS NULL GROUP BY staff_id) l
      ON l.staff_id = s.staff_id
    WHERE s.status = 'active' AND s.role::text IN (${sql.join(
      OWNER_ROLES.map((r) => sql`${r}`),
      sql`, `,
    )})`,
        );
  const rms: AssignRm[] = [];
  const rmById = new Map<string, AssignRm>();
  for (const r of staffRows) {
    if (from && r.staff_id === from.staff_id) continue;
    const p = places.get(r.org_id)!;
    if (!branches.has(p.branchId)) continue;
    const rm: AssignRm = {
      staffId: r.staff_id,
      role: r.role,
      outletId: p.outletId,
      subBranchId: p.subBranchId,
      branchId: p.branchId,
      cap: s.capacity[r.role],
      load: Math.max(0, r.open - (inProblem.get(r.staff_id) ?? 0)),
      score: null, // no familiarity table yet
    };
    rms.push(rm);
    rmById.set(rm.staffId, rm);
  }

  const result = await solveAssignment(customers, rms, { rolesPerTier: s.rolesPerTier });

  const batchId = `ab-${date.replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
  const now = ctx.clock.now();
  const policy = await effectivePolicy(db, org.org_id);
  const kind = from ? 'transfer' : 'plan';
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as AppDb;
    await tx.execute(sql`
      INSERT INTO assignment_batches (batch_id, org_id, as_of_date, kind, from_staff_id, status, created_by, created_at,
                                      settings_version, objective, counts)
      VALUES (${batchId}, ${org.org_id}, ${date}::date, ${kind}::assignment_batch_kind, ${from?.staff_id ?? null},
              'pending', ${op.by}, ${now.toISOString()}::timestamptz, ${version},
              ${JSON.stringify(result.objective)}::jsonb, '{}'::jsonb)`);
    const rows = result.proposals.map((p) => {
      const c = byCustomer.get(p.customerId)!;
      const to = rmById.get(p.toStaffId)!;
      const snapshot: ProposalSnapshot = {
        staffId: c.staff_id,
        tier: c.tier,
        homeOrgId: c.home_org_id,
        state: c.state,
        to: { role: to.role, orgId: to.outletId },
        cap: to.cap,
      };
      return {
        customer_id: p.customerId,
        from_staff_id: p.fromStaffId,
        to_staff_id: p.toStaffId,
        reason: from ? 'transfer' : p.reason,
        locality: p.locality,
        explanation: p.explanation,
        snapshot,
        home_path: homePath.get(p.customerId)!,
      };
    });
    // set-based: one JSON parameter per table rather than tens of thousands of bound rows
    if (rows.length)
      await tx.execute(sql`
        INSERT INTO assignment_proposals (batch_id, customer_id, from_staff_id, to_staff_id, reason, locality,
                                          explanation, snapshot, home_path)
        SELECT ${batchId}, x.customer_id, x.from_staff_id, x.to_staff_id, x.reason, x.locality, x.explanation,
               x.snapshot, x.home_path
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(customer_id text, from_staff_id text,
             to_staff_id text, reason text, locality text, explanation jsonb, snapshot jsonb, home_path text)`);
    const un = result.unassigned.map((u) => ({ customer_id: u.customerId, reason: u.reason }));
    if (un.length)
      await tx.execute(sql`
        INSERT INTO assignment_unassigned (batch_id, customer_id, reason)
        SELECT ${batchId}, x.customer_id, x.reason
        FROM jsonb_to_recordset(${JSON.stringify(un)}::jsonb) AS x(customer_id text, reason text)`);
    await refreshBatchStatus(tx, batchId);
    await writeAudit(tx, {
      action: 'assignment_planned',
      entityType: 'assignment_batch',
      entityId: batchId,
      after: {
        kind,
        orgId: org.org_id,
        asOfDate: date,
        fromStaffId: from?.staff_id ?? null,
        by: op.by,
        proposals: rows.length,
        unassigned: un.length,
        objective: result.objective,
      },
      actorUserId: op.userId,
      actorStaffId: op.staffId,
      ip: op.ip,
      at: now,
    });
  });

  let applied = 0;
  let status: AssignmentBatchStatus = result.proposals.length ? 'pending' : 'empty';
  if (policy.mode === 'auto_apply' && result.proposals.length) {
    const a = await applyBatch(ctx, op, batchId);
    applied = a.applied;
    status = a.status;
  }
  return {
    batchId,
    kind,
    orgId: org.org_id,
    asOfDate: date,
    fromStaffId: from?.staff_id ?? null,
    settingsVersion: version,
    policy: policy.mode,
    status,
    proposals: result.proposals.map((p) => ({
      customerId: p.customerId,
      fromStaffId: p.fromStaffId,
      toStaffId: p.toStaffId,
      reason: from ? 'transfer' : p.reason,
      locality: p.locality,
      explanation: p.explanation,
    })),
    unassigned: result.unassigned.map((u) => ({ customerId: u.customerId, reason: u.reason })),
    objective: result.objective,
    applied,
  };
}
