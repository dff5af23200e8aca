import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/password.js';
import { openDatabase, type DbHandle } from '../platform/db/client.js';
import { migrateDatabase } from '../platform/db/migrate.js';
import { DEMO_PASSWORD, seedDatabase, type SeedSummary } from './index.js';
import { snapshot } from './snapshot.js';

let h: DbHandle;
let summary: SeedSummary;
const phases = new Set<string>();

const rows = async <T>(q: ReturnType<typeof sql>) => ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async (table: string) =>
  (await rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

beforeAll(async () => {
  h = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(h);
  summary = await seedDatabase(h, { scale: 'XS', seed: 1, asOf: '2026-11-20', onProgress: (p) => phases.add(p.phase) });
}, 120_000);
afterAll(async () => h?.close());

describe('seedDatabase (XS on PGlite)', () => {
  it('loads every table and reports what it loaded', async () => {
    const tables: [keyof SeedSummary, string][] = [
      ['orgUnits', 'org_units'],
      ['staff', 'staff'],
      ['users', 'users'],
      ['products', 'products'],
      ['customers', 'customers'],
      ['holdings', 'holdings'],
      ['transactions', 'transactions'],
      ['contacts', 'contacts'],
      ['relationships', 'relationships'],
      ['complaints', 'complaints'],
      ['aumMonthly', 'customer_aum_monthly'],
      ['tierHistory', 'tier_history'],
      ['customerStewardship', 'customer_stewardship'],
    ];
    for (const [key, table] of tables) {
      expect(await count(table), table).toBe(summary[key]);
      expect(summary[key], table).toBeGreaterThan(0);
    }
    expect(summary.customers).toBe(2_000);
    expect(summary.orgUnits).toBe(6);
    expect(phases.has('customers')).toBe(true);
  });

  it('puts the foreign keys back, validated', async () => {
    const fks = await rows<{ n: number; invalid: number }>(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT convalidated)::int AS invalid FROM pg_constraint WHERE contype = 'f' AND conrelid = 'contacts'::regclass`,
    );
    expect(fks[0]).toEqual({ n: 2, invalid: 0 });
  });

  it('keeps the derived customer state consistent, and is the same bank as the generator', async () => {
    const off = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM customers c
      LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = '2026-11-20'
      LEFT JOIN (SELECT customer_id, sum(balance_fen) AS s FROM holdings GROUP BY 1) h ON h.customer_id = c.customer_id
      WHERE d.customer_id IS NULL OR coalesce(h.s, 0) <> d.aum_fen OR d.avg_fen <> d.accum_fen / d.days OR d.days <> 20`);
    expect(off[0]!.n).toBe(0);
    const total = await rows<{ aum: string }>(sql`SELECT sum(aum_fen)::text AS aum FROM customer_aum_daily`);
    const expected = snapshot('XS', 1, '2026-11-20').customers.reduce((s, c) => s + c.walk.aumFen, 0n);
    expect(BigInt(total[0]!.aum)).toBe(expected);
    const bands = await rows<{ band: string }>(
      sql`SELECT DISTINCT band::text FROM customers WHERE band IS NOT NULL ORDER BY 1`,
    );
    expect(bands.map((b) => b.band)).toEqual(['affluent', 'premium', 'private', 'wealth']);
  });

  it('creates the demo logins with the demo password', async () => {
    const users = await rows<{ username: string; role: string; org_id: string; password_hash: string }>(sql`
      SELECT u.username, s.role::text AS role, s.org_id, u.password_hash FROM users u JOIN staff s USING (staff_id)
      WHERE u.username IN ('admin', 'hq01', 'br01', 'ob01', 'lm0001', 'rm0001') ORDER BY 1`);
    expect(users.map((u) => [u.username, u.role, u.org_id])).toEqual([
      ['admin', 'admin', 'HO'],
      ['br01', 'branch_manager', 'BR01'],
      ['hq01', 'head_office', 'HO'],
      ['lm0001', 'lobby_manager', 'OT0001'],
      ['ob01', 'outlet_head', 'OT0001'],
      ['rm0001', 'rm', 'OT0001'],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.password_hash)).toBe(true);
  });

  it('refuses a database that already has customers', async () => {
    await expect(seedDatabase(h, { scale: 'XS', seed: 1, asOf: '2026-11-20' })).rejects.toThrow(
      /already has 2000 customers/,
    );
  });
});
