/**
 * Two managers approving overlapping batches at the same moment cannot break an RM's cap
 * (issue 11): the apply transaction locks the target RMs' staff rows in id order and recounts
 * their loads under the lock, so the second waits for the first and is refused with 409.
 * PostgreSQL only (vitest.config.ts): PGlite has one connection, so nothing runs at once there.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsToJson } from '../../src/domain/settings.js';
import { query } from '../../src/platform/db/query.js';
import { loadSettings, saveSettings } from '../../src/platform/settings-store.js';
import { AS_OF, loginAs, seededBank, type TestBank } from '../support/app.js';
import { fillStewardship } from '../support/stewardship-state.js';

let bank: TestBank;
beforeAll(async () => {
  bank = await seededBank();
  await fillStewardship(bank.ctx.db, AS_OF);
}, 180_000);
afterAll(async () => bank?.close());

const rows = <T>(q: ReturnType<typeof sql>) => query<T>(bank.ctx.db, q);
const approve = async (cookie: string, batchId: string) =>
  bank.app.inject({
    method: 'POST',
    url: `/api/stewardship/batches/${batchId}/approve`,
    headers: { cookie },
    payload: {},
  });

describe('concurrent approvals on PostgreSQL', () => {
  it('let exactly one of two overlapping batches fill an RM to the cap; the other gets 409', async () => {
    const hq = await loginAs(bank.app, 'hq01');
    const br = await loginAs(bank.app, 'br01');
    const plan = await bank.app.inject({
      method: 'POST',
      url: '/api/stewardship/plans',
      headers: { cookie: hq },
      payload: {},
    });
    expect(plan.statusCode).toBe(201);
    const p1 = plan.json<{ batchId: string; proposals: { customerId: string; toStaffId: string }[] }>();
    // the RM who receives the most customers, and two batches that each give them half
    const counts = new Map<string, string[]>();
    for (const p of p1.proposals) counts.set(p.toStaffId, [...(counts.get(p.toStaffId) ?? []), p.customerId]);
    const [target, customers] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(customers.length).toBeGreaterThanOrEqual(2);
    const half = customers.slice(0, Math.floor(customers.length / 2));
    const p2 = `ab-test-${randomBytes(3).toString('hex')}`;
    await bank.ctx.db.execute(
      sql`DELETE FROM assignment_proposals WHERE batch_id = ${p1.batchId} AND to_staff_id <> ${target}`,
    );
    await bank.ctx.db.execute(sql`
      INSERT INTO assignment_batches (batch_id, org_id, as_of_date, kind, from_staff_id, status, created_by, created_at,
                                      settings_version, objective, counts)
      SELECT ${p2}, org_id, as_of_date, kind, from_staff_id, status, created_by, created_at, settings_version, objective, counts
      FROM assignment_batches WHERE batch_id = ${p1.batchId}`);
    await bank.ctx.db.execute(sql`
      UPDATE assignment_proposals SET batch_id = ${p2}
      WHERE batch_id = ${p1.batchId} AND customer_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(half)}::jsonb))`);

    // a cap with room for either batch, not both (the proposals' snapshots say the same cap)
    const [t] = await rows<{ role: 'rm' | 'wealth_rm' | 'private_advisor'; open: number }>(sql`
      SELECT s.role::text AS role, (SELECT count(*) FROM relationships r WHERE r.staff_id = s.staff_id AND r.ended_on IS NULL)::int AS open
      FROM staff s WHERE s.staff_id = ${target}`);
    const cap = t!.open + Math.max(half.length, customers.length - half.length);
    const current = await loadSettings(bank.ctx.db);
    const [admin] = await rows<{ user_id: number; staff_id: string }>(
      sql`SELECT user_id, staff_id FROM users WHERE username = 'admin'`,
    );
    await saveSettings(
      bank.ctx.db,
      settingsToJson({
        ...current.value,
        stewardship: {
          ...current.value.stewardship,
          capacity: { ...current.value.stewardship.capacity, [t!.role]: cap },
        },
      }),
      { userId: admin!.user_id, staffId: admin!.staff_id },
      'test: a tight cap',
    );
    await bank.ctx.db.execute(sql`
      UPDATE assignment_proposals SET snapshot = jsonb_set(snapshot, '{cap}', to_jsonb(${cap}::int))
      WHERE batch_id IN (${p1.batchId}, ${p2})`);

    const [a, b] = await Promise.all([approve(hq, p1.batchId), approve(br, p2)]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'capacity', staff: [{ staffId: target, cap }] },
    });
    const [after] = await rows<{ open: number }>(
      sql`SELECT count(*)::int AS open FROM relationships WHERE staff_id = ${target} AND ended_on IS NULL`,
    );
    expect(after!.open).toBeLessThanOrEqual(cap);
    const winner = a.statusCode === 200 ? customers.length - half.length : half.length;
    expect(after!.open).toBe(t!.open + winner);
  });

  it('apply the same batch once when two managers approve it at the same moment', async () => {
    const hq = await loginAs(bank.app, 'hq01');
    const br = await loginAs(bank.app, 'br01');
    const plan = await bank.app.inject({
      method: 'POST',
      url: '/api/stewardship/plans',
      headers: { cookie: hq },
      payload: { orgId: 'OT0002' },
    });
    const { batchId, proposals } = plan.json<{ batchId: string; proposals: unknown[] }>();
    expect(proposals.length).toBeGreaterThan(0);
    const res = await Promise.all([approve(hq, batchId), approve(br, batchId)]);
    expect(res.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(res.map((r) => r.json<{ applied: number }>().applied).sort((x, y) => x - y)).toEqual([0, proposals.length]);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reassignment' AND run_id = ${batchId}`,
    );
    expect(n!.n).toBe(proposals.length);
  });
});
