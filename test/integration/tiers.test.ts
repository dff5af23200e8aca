import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../src/platform/db/query.js';
import { formatYuan } from '../../src/domain/money.js';
import { loadSettings } from '../../src/platform/settings-store.js';
import { AS_OF, loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let cookies: Record<string, string>;
let rm1: string;

beforeAll(async () => {
  bank = await seededBank();
  cookies = {};
  for (const u of ['rm0001', 'hq01', 'ob01', 'admin']) cookies[u] = await loginAs(bank.app, u);
  rm1 = (await query<{ staff_id: string }>(bank.ctx.db, sql`SELECT staff_id FROM users WHERE username = 'rm0001'`))[0]!
    .staff_id;
});
afterAll(async () => bank?.close());

const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
const put = (user: string, url: string, payload: object) =>
  bank.app.inject({ method: 'PUT', url, payload, headers: { cookie: cookies[user]! } });

interface TierFig {
  tier: string;
  customers: number;
  aum: string;
  nearThreshold: number;
  upgradesDay: number;
  downgradesDay: number;
  upgradesMonth: number;
  downgradesMonth: number;
}

async function expected(orgFilter: ReturnType<typeof sql>) {
  const rows = await query<{ tier: string; n: number; aum: string; near: number }>(
    bank.ctx.db,
    sql`SELECT c.tier, count(*)::int AS n, coalesce(sum(d.aum_fen), 0)::text AS aum, count(c.band)::int AS near
        FROM customers c LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${AS_OF}
        WHERE ${orgFilter} GROUP BY c.tier`,
  );
  const moves = await query<{ tier: string; up_day: number; down_day: number; up_m: number; down_m: number }>(
    bank.ctx.db,
    sql`SELECT h.to_tier AS tier,
               count(*) FILTER (WHERE h.changed_on = ${AS_OF} AND h.to_tier > h.from_tier)::int AS up_day,
               count(*) FILTER (WHERE h.changed_on = ${AS_OF} AND h.to_tier < h.from_tier)::int AS down_day,
               count(*) FILTER (WHERE h.to_tier > h.from_tier)::int AS up_m,
               count(*) FILTER (WHERE h.to_tier < h.from_tier)::int AS down_m
        FROM tier_history h JOIN customers c ON c.customer_id = h.customer_id
        WHERE h.changed_on BETWEEN '2026-11-01' AND ${AS_OF} AND ${orgFilter} GROUP BY h.to_tier`,
  );
  return { rows, moves };
}

async function checkDashboard(user: string, orgFilter: ReturnType<typeof sql>) {
  const r = await get(user, '/api/tiers/dashboard');
  expect(r.statusCode).toBe(200);
  const body = r.json();
  expect(body.date).toBe(AS_OF);
  const { rows, moves } = await expected(orgFilter);
  let total = 0;
  for (const t of body.tiers as TierFig[]) {
    const row = rows.find((x) => x.tier === t.tier);
    const mv = moves.find((x) => x.tier === t.tier);
    expect(t.customers).toBe(row?.n ?? 0);
    expect(t.aum).toBe(formatYuan(BigInt(row?.aum ?? '0')));
    expect(t.nearThreshold).toBe(row?.near ?? 0);
    expect([t.upgradesDay, t.downgradesDay]).toEqual([mv?.up_day ?? 0, mv?.down_day ?? 0]);
    expect([t.upgradesMonth, t.downgradesMonth]).toEqual([mv?.up_m ?? 0, mv?.down_m ?? 0]);
    total += t.customers;
  }
  expect(body.totals.customers).toBe(total);
  expect(total).toBeGreaterThan(0);
  expect(body.trend.at(-1).date).toBe(AS_OF);
  return body;
}

describe('tier dashboard', () => {
  it('head office totals equal direct SQL counts, and the children add up', async () => {
    const body = await checkDashboard('hq01', sql`TRUE`);
    expect(body.children.length).toBeGreaterThan(0);
    const sum = body.children.reduce((n: number, c: { customers: number }) => n + c.customers, 0);
    expect(sum).toBe(body.totals.customers);
    // drill down into the first branch
    const child = body.children[0];
    const down = await get('hq01', `/api/tiers/dashboard?orgId=${child.orgId}`);
    expect(down.json().totals.customers).toBe(child.customers);
    expect(down.json().breadcrumb.map((b: { orgId: string }) => b.orgId)).toEqual(['HO', child.orgId]);
  });

  it('an outlet head sees their outlet, and nothing outside it', async () => {
    await checkDashboard('ob01', sql`c.home_org_id = 'OT0001'`);
    const [other] = await query<{ org_id: string }>(
      bank.ctx.db,
      sql`SELECT org_id FROM org_units WHERE level = 'outlet' AND org_id <> 'OT0001' LIMIT 1`,
    );
    expect((await get('ob01', `/api/tiers/dashboard?orgId=${other!.org_id}`)).statusCode).toBe(404);
  });

  it('computes the same figures live when the batch has not summarised the date (a fresh seed)', async () => {
    await bank.ctx.db.execute(sql`DELETE FROM org_tier_daily WHERE as_of_date = ${AS_OF}`);
    const body = await checkDashboard('hq01', sql`TRUE`);
    expect(body.source).toBe('live');
    await checkDashboard('ob01', sql`c.home_org_id = 'OT0001'`);
  });

  it('reads the batch summary (org_tier_daily) when the date has one, with the same figures', async () => {
    await bank.ctx.db.execute(
      sql`INSERT INTO org_tier_daily (as_of_date, org_id, tier, customers, aum_fen, near_threshold, upgrades, downgrades)
          SELECT ${AS_OF}, c.home_org_id, c.tier, count(*), coalesce(sum(d.aum_fen), 0), count(c.band),
                 (SELECT count(*) FROM tier_history h JOIN customers hc ON hc.customer_id = h.customer_id
                  WHERE h.changed_on = ${AS_OF} AND h.to_tier = c.tier AND h.to_tier > h.from_tier AND hc.home_org_id = c.home_org_id),
                 (SELECT count(*) FROM tier_history h JOIN customers hc ON hc.customer_id = h.customer_id
                  WHERE h.changed_on = ${AS_OF} AND h.to_tier = c.tier AND h.to_tier < h.from_tier AND hc.home_org_id = c.home_org_id)
          FROM customers c LEFT JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = ${AS_OF}
          GROUP BY c.home_org_id, c.tier
          ON CONFLICT DO NOTHING`,
    );
    const body = await checkDashboard('hq01', sql`TRUE`);
    expect(body.source).toBe('daily');
    // the seed's history: one point per day, the 90 days up to AS_OF
    expect(body.trend).toHaveLength(90);
  });

  it('refuses RMs with a clear 403', async () => {
    const r = await get('rm0001', '/api/tiers/dashboard');
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('FORBIDDEN');
    expect(r.json().message).toMatch(/tier dashboard/);
  });
});

describe('near-threshold lists', () => {
  it('an RM sees only their own customers, gap = floor − average exactly', async () => {
    const [{ n }] = (await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM customers c JOIN relationships r ON r.customer_id = c.customer_id
          AND r.ended_on IS NULL AND r.staff_id = ${rm1} WHERE c.band = 'affluent'`,
    )) as [{ n: number }];
    const r = await get('rm0001', '/api/tiers/near-threshold?band=affluent&pageSize=200');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(n);
    expect(body.items.length).toBe(n);
    const avgs = await query<{ customer_id: string; avg: string }>(
      bank.ctx.db,
      sql`SELECT customer_id, avg_fen::text AS avg FROM customer_aum_daily WHERE as_of_date = ${AS_OF}`,
    );
    const avg = new Map(avgs.map((a) => [a.customer_id, BigInt(a.avg)]));
    for (const it of body.items) {
      expect(it.rmId).toBe(rm1);
      expect(it.name).toContain('*');
      expect(it.floor).toBe('200000.00');
      expect(it.gap).toBe(formatYuan(20_000_000n - avg.get(it.customerId)!));
    }
    const gaps = body.items.map((i: { gap: string }) => BigInt(i.gap.replace('.', '')));
    expect([...gaps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(gaps);
  });

  it('head office pages through the whole bank', async () => {
    const [{ n }] = (await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM customers WHERE band = 'premium'`,
    )) as [{ n: number }];
    const r = await get('hq01', '/api/tiers/near-threshold?band=premium&page=2&pageSize=5');
    expect(r.json().total).toBe(n);
    expect(r.json().items.length).toBe(Math.min(5, Math.max(0, n - 5)));
  });

  it('exports an xlsx with a title, frozen header, masked names, and audits it', async () => {
    const [{ n }] = (await query<{ n: number }>(
      bank.ctx.db,
      sql`SELECT count(*)::int AS n FROM customers WHERE band = 'premium' AND home_org_id = 'OT0001'`,
    )) as [{ n: number }];
    const r = await get('ob01', '/api/tiers/near-threshold/export?band=premium');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''%E4/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(String(ws.getCell(1, 1).value)).toContain('临界优质');
    expect(ws.getCell(2, 2).value).toBe('客户号');
    expect(ws.rowCount - 2).toBe(n);
    for (let i = 3; i <= ws.rowCount; i++) expect(String(ws.getCell(i, 3).value)).toContain('*');
    if (n > 0) expect(ws.getCell(3, 5).numFmt).toBe('#,##0.00');
    const audit = await query<{ after: { rows: number } }>(
      bank.ctx.db,
      sql`SELECT after FROM audit_log WHERE action = 'export' AND entity_type = 'near_threshold' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.after.rows).toBe(n);
  });
});

describe('tier settings', () => {
  // `version`: the version the settings were read at (the tests that save read it first)
  const body = {
    version: 1,
    floors: { premium: '50000.00', affluent: '200000', wealth: '1000000', private: '8000000' },
    bandLowPct: 85,
    downgradeMonths: 3,
    basis: 'month_avg',
    note: '临界带调整为 85%',
  };

  it('anyone signed in may read them', async () => {
    const r = await get('rm0001', '/api/settings/tiers');
    expect(r.statusCode).toBe(200);
    expect(r.json().floors).toEqual({
      premium: '50000.00',
      affluent: '200000.00',
      wealth: '1000000.00',
      private: '8000000.00',
    });
  });

  it('head office saves a new, audited version', async () => {
    const before = (await get('hq01', '/api/settings/tiers')).json().version;
    const r = await put('hq01', '/api/settings/tiers', { ...body, version: before });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: before + 1, bandLowPct: 85 });
    const audit = await query(
      bank.ctx.db,
      sql`SELECT 1 FROM audit_log WHERE action = 'settings_change' AND entity_id = ${String(before + 1)}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('RMs and outlet heads may not', async () => {
    for (const u of ['rm0001', 'ob01']) expect((await put(u, '/api/settings/tiers', body)).statusCode).toBe(403);
  });

  it('decreasing floors are refused naming the field', async () => {
    const r = await put('hq01', '/api/settings/tiers', { ...body, floors: { ...body.floors, wealth: '150000' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('floors.wealth');
  });

  it('a save from a version that is no longer current is refused with 409 and the current version', async () => {
    const current = (await get('hq01', '/api/settings/tiers')).json().version as number;
    const r = await put('hq01', '/api/settings/tiers', { ...body, version: current - 1, bandLowPct: 70 });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: current } });
    expect(r.json().message).toMatch(/newer version/);
    // nothing was saved
    expect((await get('hq01', '/api/settings/tiers')).json()).toMatchObject({ version: current, bandLowPct: 85 });
  });

  it('two saves from the same version at once: one is saved, the other refused', async () => {
    const current = (await get('hq01', '/api/settings/tiers')).json().version as number;
    const [a, b] = await Promise.all([
      put('hq01', '/api/settings/tiers', { ...body, version: current, bandLowPct: 81 }),
      put('admin', '/api/settings/tiers', { ...body, version: current, bandLowPct: 82 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().details).toEqual({ currentVersion: current + 1 });
    expect((await get('hq01', '/api/settings/tiers')).json().version).toBe(current + 1);
  });

  it('a version-1 row stored before a field was added still loads, and the next save fills it in', async () => {
    const v1 = readFileSync(new URL('../fixtures/settings/v1.json', import.meta.url), 'utf8');
    await bank.ctx.db.execute(sql`DELETE FROM settings`);
    await bank.ctx.db.execute(
      sql`INSERT INTO settings (version, value, note) VALUES (1, ${v1}::jsonb, 'as stored by version 1')`,
    );
    const r = await get('hq01', '/api/settings/tiers');
    expect(r.json()).toMatchObject({ version: 1, bandLowPct: 80, floors: { premium: '50000.00' } });
    expect((await put('hq01', '/api/settings/tiers', { ...body, version: 1 })).statusCode).toBe(200);
    const saved = await loadSettings(bank.ctx.db);
    expect(saved.version).toBe(2);
    expect(saved.value.complaints.regulatoryDays).toEqual({ decision: 15, extended: 30 });
    const [row] = await query<{ value: { complaints: object } }>(
      bank.ctx.db,
      sql`SELECT value FROM settings WHERE version = 2`,
    );
    expect(row!.value.complaints).toHaveProperty('regulatoryDays');
  });
});

describe('admin views', () => {
  it('imports and batch runs are for head office and admin only', async () => {
    expect((await get('rm0001', '/api/admin/imports')).statusCode).toBe(403);
    expect((await get('ob01', '/api/admin/batch-runs')).statusCode).toBe(403);
    const r = await get('admin', '/api/admin/imports');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ page: 1, total: expect.any(Number) });
    expect((await get('hq01', '/api/admin/batch-runs')).statusCode).toBe(200);
  });
});
