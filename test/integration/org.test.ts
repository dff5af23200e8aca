import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/platform/db/query.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
beforeAll(async () => {
  bank = await seededBank();
});
afterAll(async () => bank?.close());

interface Node {
  orgId: string;
  parentId: string | null;
  level: string;
  customers: number;
  eligible: number;
  managed: number;
  rms: number;
}

const tree = async (user: string) => {
  const cookie = await loginAs(bank.app, user);
  const r = await bank.app.inject({ method: 'GET', url: '/api/org/tree', headers: { cookie } });
  expect(r.statusCode).toBe(200);
  return r.json().nodes as Node[];
};

describe('org tree', () => {
  it('gives head office the whole tree, with every node summing its children', async () => {
    const nodes = await tree('hq01');
    const [{ n }] = (await query<{ n: number }>(bank.ctx.db, sql`SELECT count(*)::int AS n FROM customers`)) as [
      { n: number },
    ];
    const root = nodes.find((x) => x.parentId === null)!;
    expect(root.level).toBe('head_office');
    expect(root.customers).toBe(n);
    for (const parent of nodes.filter((x) => x.level !== 'outlet')) {
      const kids = nodes.filter((x) => x.parentId === parent.orgId);
      const ownCustomers = 0; // customers belong to outlets only
      expect(kids.reduce((s, k) => s + k.customers, ownCustomers)).toBe(parent.customers);
      expect(kids.reduce((s, k) => s + k.managed, 0)).toBe(parent.managed);
    }
    expect(root.managed).toBeLessThan(root.eligible); // some premium customers are unmanaged
  });

  it('gives an outlet head only their outlet', async () => {
    const nodes = await tree('ob01');
    expect(nodes.map((x) => x.orgId)).toEqual(['OT0001']);
    expect(nodes[0]!.parentId).toBeNull();
  });

  it("counts only an RM's own book", async () => {
    const nodes = await tree('rm0001');
    const [{ n }] = (await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM relationships r JOIN users u ON u.staff_id = r.staff_id WHERE u.username = 'rm0001' AND r.ended_on IS NULL`,
    )) as [{ n: number }];
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.customers).toBe(n);
  });
});
