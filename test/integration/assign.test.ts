/**
 * The reassignment workflow through the API (issue 11): plan, review (approve, reject), apply, on
 * the seeded XS bank (one branch, one sub-branch, three outlets). Runs on PGlite and PostgreSQL;
 * the concurrent approvals are assign-concurrency.test.ts (PostgreSQL only).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../src/platform/db/query.js';
import { AS_OF, loginAs, seededBank, type TestBank } from '../support/app.js';
import { clearStewardship, fillStewardship } from '../support/stewardship-state.js';

let bank: TestBank;
const cookies = new Map<string, string>();
async function as(user: string) {
  if (!cookies.has(user)) cookies.set(user, await loginAs(bank.app, user));
  return cookies.get(user)!;
}
async function call(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return bank.app.inject({ method, url: `/api/stewardship${url}`, headers: { cookie: await as(user) }, payload });
}
const rows = <T>(q: ReturnType<typeof sql>) => query<T>(bank.ctx.db, q);
const openRm = async (customerId: string) =>
  (
    await rows<{ staff_id: string }>(
      sql`SELECT staff_id FROM relationships WHERE customer_id = ${customerId} AND ended_on IS NULL`,
    )
  )[0]?.staff_id ?? null;

interface Plan {
  batchId: string;
  status: string;
  proposals: { customerId: string; fromStaffId: string | null; toStaffId: string; reason: string; locality: string }[];
  unassigned: { customerId: string; reason: string }[];
  objective: { covered: number };
}

beforeAll(async () => {
  bank = await seededBank();
}, 180_000);
afterAll(async () => bank?.close());

describe('reassignment workflow', () => {
  it('lets only managers plan: RMs and lobby managers get 403', async () => {
    expect((await call('rm0001', 'POST', '/plans', {})).statusCode).toBe(403);
    expect((await call('lm0001', 'POST', '/plans', {})).statusCode).toBe(403);
    expect((await call('rm0001', 'GET', '/batches')).statusCode).toBe(403);
  });

  it('answers a plan with no eligible customer needing an RM with an empty batch, not an error', async () => {
    // no nightly stewardship state yet: nobody is known to need an RM
    await clearStewardship(bank.ctx.db);
    const res = await call('hq01', 'POST', '/plans', {});
    expect(res.statusCode).toBe(201);
    const plan = res.json<Plan>();
    expect(plan).toMatchObject({ status: 'empty', proposals: [], unassigned: [] });
    expect(plan.objective.covered).toBe(0);
    await fillStewardship(bank.ctx.db, AS_OF);
  });

  let outletPlan: Plan;
  it('plans an outlet head’s subtree: needing customers only, never back to an idle RM, never below premium', async () => {
    const res = await call('ob01', 'POST', '/plans', {});
    expect(res.statusCode).toBe(201);
    outletPlan = res.json<Plan>();
    expect(outletPlan.status).toBe('pending');
    expect(outletPlan.proposals.length).toBeGreaterThan(0);
    const ids = [...outletPlan.proposals.map((p) => p.customerId), ...outletPlan.unassigned.map((u) => u.customerId)];
    const info = await rows<{ customer_id: string; home_org_id: string; tier: string; state: string }>(sql`
      SELECT c.customer_id, c.home_org_id, c.tier::text AS tier, cs.state::text AS state
      FROM customers c JOIN customer_stewardship cs USING (customer_id)
      WHERE c.customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
    expect(info).toHaveLength(ids.length);
    for (const c of info) {
      expect(c.home_org_id).toBe('OT0001');
      expect(c.tier).not.toBe('mass');
      expect(['unmanaged', 'orphaned', 'wrong_role', 'idle']).toContain(c.state);
    }
    for (const p of outletPlan.proposals) {
      expect(p.toStaffId).not.toBe(p.fromStaffId);
      expect(['outlet', 'sub_branch', 'branch']).toContain(p.locality);
    }
    // idle customers keep their RM until a proposal is approved
    const idle = outletPlan.proposals.find((p) => p.reason === 'idle')!;
    expect(await openRm(idle.customerId)).toBe(idle.fromStaffId);
    const list = await call('ob01', 'GET', '/batches');
    expect(list.json<{ rows: { batchId: string }[] }>().rows.map((r) => r.batchId)).toContain(outletPlan.batchId);
  });

  it('hides another outlet’s batch and proposals outside the manager’s subtree (404)', async () => {
    expect((await call('ob02', 'GET', `/batches/${outletPlan.batchId}`)).statusCode).toBe(404);
    const p = outletPlan.proposals[0]!;
    const res = await call('ob02', 'POST', `/batches/${outletPlan.batchId}/approve`, { customerIds: [p.customerId] });
    expect(res.statusCode).toBe(404);
    expect(await openRm(p.customerId)).toBe(p.fromStaffId);
  });

  it('approves and applies: relationship history, audit, notifications to both RMs; twice changes nothing', async () => {
    const idle = outletPlan.proposals.find((p) => p.reason === 'idle')!;
    const detail = await call('ob01', 'GET', `/batches/${outletPlan.batchId}?pageSize=200`);
    expect(detail.statusCode).toBe(200);
    const shown = detail.json<{ proposals: { total: number; rows: { customerId: string; name: string }[] } }>();
    expect(shown.proposals.total).toBe(outletPlan.proposals.length);
    expect(shown.proposals.rows[0]!.name).toContain('*');

    const res = await call('ob01', 'POST', `/batches/${outletPlan.batchId}/approve`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', applied: outletPlan.proposals.length });

    const hist = await rows<{
      staff_id: string;
      started_on: string;
      ended_on: string | null;
      end_reason: string | null;
    }>(
      sql`SELECT staff_id, started_on::text, ended_on::text, end_reason FROM relationships
          WHERE customer_id = ${idle.customerId} ORDER BY started_on, id`,
    );
    expect(hist.at(-1)).toEqual({ staff_id: idle.toStaffId, started_on: AS_OF, ended_on: null, end_reason: null });
    expect(hist.find((h) => h.staff_id === idle.fromStaffId && h.ended_on === AS_OF)?.end_reason).toBe('idle');

    const audit = await rows<{
      reason: string;
      before: { staffId: string };
      after: { staffId: string };
      run_id: string;
    }>(
      sql`SELECT reason, before, after, run_id FROM audit_log WHERE action = 'reassignment' AND entity_id = ${idle.customerId}`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        reason: 'idle',
        run_id: outletPlan.batchId,
        before: { staffId: idle.fromStaffId },
        after: expect.objectContaining({ staffId: idle.toStaffId, endReason: 'idle', batchId: outletPlan.batchId }),
      }),
    ]);
    const notes = await rows<{
      recipient_staff_id: string;
      type: string;
      payload: { batchId: string; customers: { customerId: string; name: string }[] };
    }>(sql`SELECT recipient_staff_id, type, payload FROM notifications WHERE type LIKE 'stewardship.%'`);
    const to = notes.find((n) => n.recipient_staff_id === idle.toStaffId && n.type === 'stewardship.assigned')!;
    const from = notes.find((n) => n.recipient_staff_id === idle.fromStaffId && n.type === 'stewardship.released')!;
    for (const n of [to, from]) {
      expect(n.payload.batchId).toBe(outletPlan.batchId);
      const c = n.payload.customers.find((x) => x.customerId === idle.customerId)!;
      expect(c.name).toMatch(/\*/);
    }

    // each recipient's ids stay gap-free and end at their cursor
    for (const staffId of [idle.toStaffId, idle.fromStaffId!]) {
      const seqs = await rows<{ seq: number; last: number }>(sql`
        SELECT n.seq::int AS seq, c.last_seq::int AS last FROM notifications n
        JOIN notification_cursors c ON c.staff_id = n.recipient_staff_id
        WHERE n.recipient_staff_id = ${staffId} ORDER BY n.seq`);
      expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
      expect(seqs.at(-1)!.seq).toBe(seqs[0]!.last);
    }

    const again = await call('ob01', 'POST', `/batches/${outletPlan.batchId}/apply`);
    expect(again.json()).toMatchObject({ applied: 0, approved: 0, status: 'applied' });
    const [count] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM relationships WHERE customer_id = ${idle.customerId}`,
    );
    expect(count!.n).toBe(hist.length);
    // the applied customers no longer need an RM: the next plan leaves them out
    const next = (await call('ob01', 'POST', '/plans', {})).json<Plan>();
    expect(next.proposals.map((p) => p.customerId)).not.toContain(idle.customerId);
  });

  let bankPlan: Plan;
  it('refuses a stale approval with 409 naming the customers that changed; the rest can still be approved', async () => {
    bankPlan = (await call('hq01', 'POST', '/plans', {})).json<Plan>();
    // a branch-wide batch is visible to an outlet head, but only their outlet's proposals are theirs
    const elsewhere = (
      await rows<{ customer_id: string }>(sql`
        SELECT customer_id FROM assignment_proposals WHERE batch_id = ${bankPlan.batchId} AND home_path NOT LIKE '%/OT0002/'
        LIMIT 1`)
    )[0]!.customer_id;
    const foreign = await call('ob02', 'POST', `/batches/${bankPlan.batchId}/approve`, { customerIds: [elsewhere] });
    expect(foreign.statusCode).toBe(404);
    expect((await call('ob02', 'GET', `/batches/${bankPlan.batchId}`)).statusCode).toBe(200);
    const [a, b] = bankPlan.proposals.filter((p) => p.fromStaffId);
    expect(a && b).toBeTruthy();
    // another process moved a's home outlet since planning
    const other =
      (
        await rows<{ home_org_id: string }>(sql`SELECT home_org_id FROM customers WHERE customer_id = ${a!.customerId}`)
      )[0]!.home_org_id === 'OT0002'
        ? 'OT0003'
        : 'OT0002';
    await bank.ctx.db.execute(sql`UPDATE customers SET home_org_id = ${other} WHERE customer_id = ${a!.customerId}`);
    const res = await call('hq01', 'POST', `/batches/${bankPlan.batchId}/approve`, {
      customerIds: [a!.customerId, b!.customerId],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'stale', customers: [{ customerId: a!.customerId, changed: ['home'] }] },
    });
    expect(await openRm(a!.customerId)).toBe(a!.fromStaffId);
    expect(await openRm(b!.customerId)).toBe(b!.fromStaffId);
    const ok = await call('hq01', 'POST', `/batches/${bankPlan.batchId}/approve`, { customerIds: [b!.customerId] });
    expect(ok.statusCode).toBe(200);
    expect(await openRm(b!.customerId)).toBe(b!.toStaffId);
  });

  it('never applies rejected proposals, and exports the batch as CSV', async () => {
    const pending = bankPlan.proposals.slice(2);
    const rejected = pending.slice(0, 3).map((p) => p.customerId);
    const res = await call('hq01', 'POST', `/batches/${bankPlan.batchId}/reject`, {
      customerIds: rejected,
      reason: 'branch will call them first',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rejected: 3 });
    const before = await Promise.all(rejected.map(openRm));
    const applied = await call('hq01', 'POST', `/batches/${bankPlan.batchId}/apply`);
    expect(applied.statusCode).toBe(200);
    expect(await Promise.all(rejected.map(openRm))).toEqual(before);

    const csv = await call('hq01', 'GET', `/batches/${bankPlan.batchId}/export`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('customer_id,from_staff_id,to_staff_id,reason');
    expect(lines).toHaveLength(bankPlan.proposals.length + 1);
    const detail = (await call('hq01', 'GET', `/batches/${bankPlan.batchId}?status=rejected`)).json<{
      proposals: { rows: { customerId: string; rejectReason: string }[] };
    }>();
    expect(detail.proposals.rows.map((r) => r.customerId).sort()).toEqual([...rejected].sort());
  });

  it('transfers a leaving RM’s book through the same solver, never back to them; end reason left', async () => {
    const res = await call('hq01', 'POST', '/transfers', { fromStaffId: 'S00012' });
    expect(res.statusCode).toBe(201);
    const t = res.json<Plan & { kind: string }>();
    expect(t.kind).toBe('transfer');
    expect(t.proposals.length).toBeGreaterThan(0);
    for (const p of t.proposals) {
      expect(p.fromStaffId).toBe('S00012');
      expect(p.toStaffId).not.toBe('S00012');
      expect(p.reason).toBe('transfer');
    }
    expect((await call('ob01', 'POST', '/transfers', { fromStaffId: 'S00012' })).statusCode).toBe(404);
    expect((await call('hq01', 'POST', `/batches/${t.batchId}/approve`, {})).statusCode).toBe(200);
    const ended = await rows<{ end_reason: string }>(
      sql`SELECT DISTINCT end_reason FROM relationships WHERE staff_id = 'S00012' AND ended_on = ${AS_OF}::date
          AND customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(t.proposals.map((p) => p.customerId))}::jsonb))`,
    );
    expect(ended).toEqual([{ end_reason: 'left' }]);
  });

  it('applies at once under an auto_apply policy, which only head office and admin may set (audited)', async () => {
    expect((await call('ob03', 'PUT', '/policies/OT0003', { mode: 'auto_apply' })).statusCode).toBe(403);
    expect((await call('hq01', 'GET', '/policies/OT0003')).json()).toMatchObject({ mode: 'approval' });
    const put = await call('hq01', 'PUT', '/policies/SB0101', { mode: 'auto_apply' });
    expect(put.statusCode).toBe(200);
    const inherited = await call('ob03', 'GET', '/policies/OT0003');
    expect(inherited.json()).toMatchObject({ orgId: 'OT0003', mode: 'auto_apply', inheritedFrom: 'SB0101' });
    expect((await call('ob03', 'GET', '/policies/OT0002')).statusCode).toBe(404);
    const [audit] = await rows<{ entity_id: string; after: unknown }>(
      sql`SELECT entity_id, after FROM audit_log WHERE action = 'settings_change' AND entity_type = 'assignment_policy'`,
    );
    expect(audit).toEqual({ entity_id: 'SB0101', after: { mode: 'auto_apply' } });
    const plan = (await call('ob03', 'POST', '/plans', {})).json<Plan & { applied: number }>();
    if (plan.proposals.length) {
      expect(plan.status).toBe('applied');
      expect(plan.applied).toBe(plan.proposals.length);
      expect(await openRm(plan.proposals[0]!.customerId)).toBe(plan.proposals[0]!.toStaffId);
    }
  });
});
