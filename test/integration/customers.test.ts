import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../src/platform/db/query.js';
import { buildApp } from '../../src/platform/http/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { modules } from '../../src/modules.js';
import { loginAs, seededBank, type TestBank } from '../support/app.js';

let bank: TestBank;
let cookies: Record<string, string>;
let rm1: string;
const count = async (q: ReturnType<typeof sql>) => Number((await query<{ n: number }>(bank.ctx.db, q))[0]!.n);

beforeAll(async () => {
  bank = await seededBank();
  cookies = {};
  for (const u of ['rm0001', 'hq01', 'ob01', 'lm0001', 'admin']) cookies[u] = await loginAs(bank.app, u);
  rm1 = (await query<{ staff_id: string }>(bank.ctx.db, sql`SELECT staff_id FROM users WHERE username = 'rm0001'`))[0]!
    .staff_id;
});
afterAll(async () => bank?.close());

const get = (user: string, url: string) => bank.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

describe('who sees which customers', () => {
  it('an RM sees exactly their own book', async () => {
    const book = await count(
      sql`SELECT count(*)::int AS n FROM relationships WHERE staff_id = ${rm1} AND ended_on IS NULL`,
    );
    expect(book).toBeGreaterThan(10);
    const r = await get('rm0001', '/api/customers?pageSize=200');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(book);
    expect(body.items.every((c: { rmId: string }) => c.rmId === rm1)).toBe(true);
  });

  it('head office sees the whole bank', async () => {
    const all = await count(sql`SELECT count(*)::int AS n FROM customers`);
    const r = await get('hq01', '/api/customers?pageSize=50');
    expect(r.json().total).toBe(all);
    expect(r.json().items).toHaveLength(50);
  });

  it('an outlet head and a lobby manager see their outlet only', async () => {
    const outlet = await count(sql`SELECT count(*)::int AS n FROM customers WHERE home_org_id = 'OT0001'`);
    for (const u of ['ob01', 'lm0001']) {
      const r = await get(u, '/api/customers?pageSize=200');
      expect(r.json().total).toBe(outlet);
      expect(r.json().items.every((c: { orgId: string }) => c.orgId === 'OT0001')).toBe(true);
    }
  });

  it("refuses an RM another RM's customer exactly as a customer that does not exist", async () => {
    const [other] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT customer_id FROM relationships WHERE staff_id <> ${rm1} AND ended_on IS NULL ORDER BY customer_id LIMIT 1`,
    );
    const foreign = await get('rm0001', `/api/customers/${other!.customer_id}`);
    const missing = await get('rm0001', '/api/customers/C99999999');
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().code).toBe(missing.json().code);
    expect(foreign.json().message).toBe(missing.json().message);
    // The same customer is visible to head office.
    expect((await get('hq01', `/api/customers/${other!.customer_id}`)).statusCode).toBe(200);
  });

  it('an outlet head cannot open a customer of another outlet', async () => {
    const [c] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT customer_id FROM customers WHERE home_org_id <> 'OT0001' LIMIT 1`,
    );
    expect((await get('ob01', `/api/customers/${c!.customer_id}`)).statusCode).toBe(404);
  });
});

describe('customer list', () => {
  it('masks every name and sorts by month-average AUM, largest first', async () => {
    const r = await get('hq01', '/api/customers?pageSize=100');
    const items = r.json().items as { name: string; monthAvgAum: string; customerId: string }[];
    const names = await query<{ customer_id: string; name: string }>(
      bank.ctx.db,
      sql`SELECT customer_id, name FROM customers`,
    );
    const full = new Map(names.map((n) => [n.customer_id, n.name]));
    for (const it of items) {
      expect(it.name).toContain('*');
      expect(it.name).not.toBe(full.get(it.customerId));
    }
    const fen = items.map((i) => BigInt(i.monthAvgAum.replace('.', '')));
    for (let i = 1; i < fen.length; i++) expect(fen[i]! <= fen[i - 1]!).toBe(true);
  });

  it('pages without overlap', async () => {
    const p1 = (await get('hq01', '/api/customers?page=1&pageSize=20'))
      .json()
      .items.map((i: { customerId: string }) => i.customerId);
    const p2 = (await get('hq01', '/api/customers?page=2&pageSize=20'))
      .json()
      .items.map((i: { customerId: string }) => i.customerId);
    expect(p1).toHaveLength(20);
    expect(p2).toHaveLength(20);
    expect(p1.filter((id: string) => p2.includes(id))).toEqual([]);
  });

  it('filters by tier, outlet, RM, managed and customer number', async () => {
    const wealth = await count(sql`SELECT count(*)::int AS n FROM customers WHERE tier = 'wealth'`);
    const w = (await get('hq01', '/api/customers?tier=wealth&pageSize=200')).json();
    expect(w.total).toBe(wealth);
    expect(w.items.every((c: { tier: string }) => c.tier === 'wealth')).toBe(true);

    const byOrg = (await get('hq01', '/api/customers?orgId=OT0002')).json();
    expect(byOrg.total).toBe(await count(sql`SELECT count(*)::int AS n FROM customers WHERE home_org_id = 'OT0002'`));

    const byRm = (await get('hq01', `/api/customers?rmId=${rm1}`)).json();
    expect(byRm.total).toBe(
      await count(sql`SELECT count(*)::int AS n FROM relationships WHERE staff_id = ${rm1} AND ended_on IS NULL`),
    );

    const unmanaged = (await get('hq01', '/api/customers?managed=false&tier=premium')).json();
    expect(unmanaged.total).toBeGreaterThan(0);
    expect(unmanaged.items.every((c: { rmId: string | null }) => c.rmId === null)).toBe(true);

    const one = (await get('hq01', '/api/customers?q=C00000012')).json();
    expect(one.items.map((c: { customerId: string }) => c.customerId)).toEqual(['C00000012']);
  });

  it('finds a customer of the own book by masked name pattern', async () => {
    const [c] = await query<{ customer_id: string; name: string }>(
      bank.ctx.db,
      sql`SELECT c.customer_id, c.name FROM customers c
          JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL AND r.staff_id = ${rm1}
          WHERE char_length(c.name) = 3 ORDER BY c.customer_id LIMIT 1`,
    );
    const chars = [...c!.name];
    const r = (
      await get('rm0001', `/api/customers?pageSize=200&q=${encodeURIComponent(`${chars[0]}*${chars[2]}`)}`)
    ).json();
    expect(r.items.map((i: { customerId: string }) => i.customerId)).toContain(c!.customer_id);
  });
});

describe('stewardship filters', () => {
  it('managed=false is the eligible tiers without an open primary RM, on the cached and the SQL path', async () => {
    const expected = await count(
      sql`SELECT count(*)::int AS n FROM customers c WHERE c.home_org_id = 'OT0001' AND c.tier <> 'mass'
          AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.customer_id AND r.ended_on IS NULL)`,
    );
    const allUnassigned = await count(
      sql`SELECT count(*)::int AS n FROM customers c WHERE c.home_org_id = 'OT0001'
          AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.customer_id AND r.ended_on IS NULL)`,
    );
    expect(allUnassigned).toBeGreaterThan(expected); // mass customers without an RM exist, and are left out
    const r = (await get('ob01', '/api/customers?managed=false&pageSize=200')).json();
    expect(r.total).toBe(expected);
    expect(r.items).toHaveLength(Math.min(200, expected));
    expect(r.items.every((c: { tier: string; rmId: string | null }) => c.tier !== 'mass' && c.rmId === null)).toBe(
      true,
    );
    // With a search the total is counted in SQL instead of from the cached groups: the same rule.
    const first = r.items[0].customerId as string;
    const searched = (await get('ob01', `/api/customers?managed=false&q=${first}`)).json();
    expect(searched.total).toBe(1);
    const [massNoRm] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT c.customer_id FROM customers c WHERE c.home_org_id = 'OT0001' AND c.tier = 'mass'
          AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.customer_id = c.customer_id AND r.ended_on IS NULL)
          ORDER BY c.customer_id LIMIT 1`,
    );
    expect((await get('ob01', `/api/customers?managed=false&q=${massNoRm!.customer_id}`)).json().total).toBe(0);
  });

  it('every home figure has a list filter with exactly its count, for each manager', async () => {
    for (const u of ['hq01', 'ob01', 'lm0001']) {
      const sum = (await get(u, '/api/customers/summary')).json();
      const total = async (qs: string) => (await get(u, `/api/customers?pageSize=1${qs}`)).json().total as number;
      expect(await total('')).toBe(sum.customers);
      expect(await total('&eligible=true')).toBe(sum.eligible);
      expect(await total('&managed=true')).toBe(sum.managed);
      expect(await total('&managed=false')).toBe(sum.unmanaged);
      for (const t of sum.tiers) expect(await total(`&tier=${t.tier}`)).toBe(t.customers);
      for (const b of sum.bands) expect(await total(`&band=${b.band}`)).toBe(b.customers);
    }
  });
});

describe('sorting', () => {
  const fen = (yuan: string) => BigInt(yuan.replace('.', ''));

  it('sort=aum&order=desc returns rows in descending latest AUM, ties by customer number, across pages', async () => {
    const p1 = (await get('hq01', '/api/customers?sort=aum&order=desc&pageSize=100')).json();
    const p2 = (await get('hq01', '/api/customers?sort=aum&order=desc&pageSize=100&page=2')).json();
    const rows = [...p1.items, ...p2.items] as { customerId: string; aum: string }[];
    expect(rows).toHaveLength(200);
    for (let i = 1; i < rows.length; i++) {
      const a = fen(rows[i - 1]!.aum);
      const b = fen(rows[i]!.aum);
      expect(a >= b).toBe(true);
      if (a === b) expect(rows[i - 1]!.customerId < rows[i]!.customerId).toBe(true);
    }
    // It is the latest AUM, not the month average the default order uses.
    const [top] = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT customer_id FROM customer_aum_daily WHERE as_of_date = '2026-11-20' ORDER BY aum_fen DESC, customer_id LIMIT 1`,
    );
    expect(rows[0]!.customerId).toBe(top!.customer_id);
  });

  it('sorts ascending by AUM, by customer number, by name, by tier and by RM', async () => {
    const list = async (qs: string) =>
      (await get('ob01', `/api/customers?pageSize=200&${qs}`)).json().items as {
        customerId: string;
        aum: string;
        tier: string;
        rmName: string | null;
      }[];
    const asc = await list('sort=aum&order=asc');
    for (let i = 1; i < asc.length; i++) expect(fen(asc[i - 1]!.aum) <= fen(asc[i]!.aum)).toBe(true);
    const ids = (await list('sort=customerId&order=desc')).map((r) => r.customerId);
    expect(ids).toEqual([...ids].sort().reverse());
    const tiers = (await list('sort=tier')).map((r) =>
      ['mass', 'premium', 'affluent', 'wealth', 'private'].indexOf(r.tier),
    );
    expect(tiers).toEqual([...tiers].sort((a, b) => b - a));
    const byName = (await list('sort=name&order=asc')).map((r) => r.customerId);
    const names = await query<{ customer_id: string }>(
      bank.ctx.db,
      sql`SELECT customer_id FROM customers WHERE home_org_id = 'OT0001' ORDER BY name, customer_id LIMIT 200`,
    );
    expect(byName).toEqual(names.map((n) => n.customer_id));
    const rms = (await list('sort=rm&order=asc')).map((r) => r.rmName);
    const named = rms.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort());
    expect(rms.slice(named.length).every((n) => n === null)).toBe(true); // unassigned last
  });

  it('refuses a column outside the whitelist', async () => {
    expect((await get('hq01', '/api/customers?sort=phone')).statusCode).toBe(400);
    expect((await get('hq01', '/api/customers?sort=aum&order=sideways')).statusCode).toBe(400);
  });
});

describe('export', () => {
  const sheet = async (payload: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(payload as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };

  it("exports the list's filter and order to xlsx, masked, and audits it", async () => {
    const qs = 'managed=false&sort=aum&order=desc';
    const list = (await get('ob01', `/api/customers?${qs}&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    const r = await get('ob01', `/api/customers/export?${qs}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toMatch(
      /^attachment; filename="customers-2026-11-20\.xlsx"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7%E6%B8%85%E5%8D%95_/,
    );
    const ws = await sheet(r.rawPayload);
    expect(ws.getCell(2, 2).value).toBe('客户号');
    expect(ws.rowCount - 2).toBe(list.total);
    const ids = [] as string[];
    for (let i = 3; i <= ws.rowCount; i++) ids.push(String(ws.getCell(i, 2).value));
    expect(ids).toEqual(list.items.map((c: { customerId: string }) => c.customerId));
    const real = new Map(
      (
        await query<{ customer_id: string; name: string; phone: string | null }>(
          bank.ctx.db,
          sql`SELECT customer_id, name, phone FROM customers WHERE home_org_id = 'OT0001'`,
        )
      ).map((c) => [c.customer_id, c]),
    );
    for (let i = 3; i <= ws.rowCount; i++) {
      const c = real.get(String(ws.getCell(i, 2).value))!;
      const name = String(ws.getCell(i, 3).value);
      const phone = String(ws.getCell(i, 4).value ?? '');
      expect(name).toContain('*');
      expect(name).not.toBe(c.name);
      if (c.phone) {
        expect(phone).toMatch(/^\d{3}\*+\d{4}$/);
        expect(phone).not.toBe(c.phone);
      }
      expect(ws.getCell(i, 5).value).not.toBe('大众客户');
    }
    const [audit] = await query<{ entity_type: string; entity_id: string; actor: string; after: { rows: number } }>(
      bank.ctx.db,
      sql`SELECT entity_type, entity_id, actor_staff_id AS actor, after FROM audit_log
          WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ entity_type: 'customer_list', after: { rows: list.total } });
    expect(audit!.entity_id).toContain('managed=false');
  });

  it('refuses a list longer than the configured limit with a clear error, and an RM', async () => {
    const small = await buildApp(bank.ctx, { ...loadConfig({}), exportMaxRows: 5 }, modules);
    await small.ready();
    try {
      const audits = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'`);
      const r = await small.inject({ method: 'GET', url: '/api/customers/export', headers: { cookie: cookies.ob01! } });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE', details: { limit: 5 } });
      expect(r.json().details.rows).toBeGreaterThan(5);
      const ok = await small.inject({
        method: 'GET',
        url: '/api/customers/export?q=C00000012',
        headers: { cookie: cookies.hq01! },
      });
      expect(ok.statusCode).toBe(200);
      expect((await sheet(ok.rawPayload)).rowCount).toBe(3);
      expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'`)).toBe(audits + 1);
    } finally {
      await small.close();
    }
    expect((await get('rm0001', '/api/customers/export')).statusCode).toBe(403);
  });
});

describe('cached counts', () => {
  it('follow a change to relationships at once', async () => {
    const before = (await get('hq01', '/api/customers?managed=false&tier=premium&pageSize=1')).json();
    const id = before.items[0].customerId as string;
    await bank.ctx.db.execute(
      sql`INSERT INTO relationships (customer_id, staff_id, started_on) VALUES (${id}, ${rm1}, '2026-11-21')`,
    );
    const after = (await get('hq01', '/api/customers?managed=false&tier=premium&pageSize=1')).json();
    expect(after.total).toBe(before.total - 1);
    await bank.ctx.db.execute(sql`DELETE FROM relationships WHERE customer_id = ${id} AND started_on = '2026-11-21'`);
    expect((await get('hq01', '/api/customers?managed=false&tier=premium&pageSize=1')).json().total).toBe(before.total);
  });
});

describe('customer summary', () => {
  it("sums an RM's book by tier and band, matching the list", async () => {
    const sum = (await get('rm0001', '/api/customers/summary')).json();
    const list = (await get('rm0001', '/api/customers?pageSize=1')).json();
    expect(sum.customers).toBe(list.total);
    expect(sum.tiers.reduce((s: number, t: { customers: number }) => s + t.customers, 0)).toBe(list.total);
    const premium = (await get('rm0001', '/api/customers?pageSize=1&tier=premium')).json().total;
    expect(sum.tiers.find((t: { tier: string }) => t.tier === 'premium').customers).toBe(premium);
    expect(sum.unmanaged).toBe(0); // everything in an RM's book is managed by definition
  });

  it('counts unmanaged eligible customers for head office', async () => {
    const sum = (await get('hq01', '/api/customers/summary')).json();
    const eligible = await count(sql`SELECT count(*)::int AS n FROM customers WHERE tier <> 'mass'`);
    expect(sum.eligible).toBe(eligible);
    // The list behind the 未管户 figure counts exactly it: mass customers need no RM.
    expect(sum.unmanaged).toBe((await get('hq01', '/api/customers?managed=false&pageSize=1')).json().total);
    expect((await get('hq01', '/api/customers?managed=false&tier=mass&pageSize=1')).json().total).toBe(0);
    const aumFen = await count(
      sql`SELECT sum(aum_fen)::bigint AS n FROM customer_aum_daily WHERE as_of_date = '2026-11-20'`,
    );
    expect(BigInt(sum.aum.replace('.', ''))).toBe(BigInt(aumFen));
  });
});

describe('data date', () => {
  it('the summary says the business date its figures are for, for every role', async () => {
    for (const u of ['rm0001', 'hq01', 'ob01', 'lm0001', 'admin']) {
      const scope = u === 'rm0001' ? `?rmId=${rm1}` : '';
      expect((await get(u, `/api/customers/summary${scope}`)).json().asOf, u).toBe('2026-11-20');
    }
  });

  it('the 360 AUM history is the closed months from the opening month, then November so far', async () => {
    const [c] = await query<{ customer_id: string; avg: string; aum: string; opened: string }>(
      bank.ctx.db,
      sql`SELECT c.customer_id, d.avg_fen::text AS avg, d.aum_fen::text AS aum, c.open_date::text AS opened
          FROM customers c JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = '2026-11-20'
          ORDER BY c.open_date DESC LIMIT 1`,
    );
    const v = (await get('hq01', `/api/customers/${c!.customer_id}`)).json();
    const months = v.aumHistory.map((m: { month: string }) => m.month);
    expect(months[0]! >= `${c!.opened.slice(0, 8)}01`).toBe(true);
    expect(months.at(-1)).toBe('2026-11-01');
    expect(months.at(-2)).toBe('2026-10-01');
    const fen = (y: string) => BigInt(y.replace('.', ''));
    expect([fen(v.aumHistory.at(-1).avgAum), fen(v.aumHistory.at(-1).endAum)]).toEqual([
      BigInt(c!.avg),
      BigInt(c!.aum),
    ]);
  });
});

describe('customer 360', () => {
  it('shows profile, holdings, AUM history, RM and contacts with PII masked', async () => {
    const [c] = await query<{ customer_id: string; name: string; phone: string; id_number: string; aum_fen: string }>(
      bank.ctx.db,
      sql`SELECT c.customer_id, c.name, c.phone, c.id_number, d.aum_fen::text AS aum_fen FROM customers c
          JOIN customer_aum_daily d ON d.customer_id = c.customer_id AND d.as_of_date = '2026-11-20'
          JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL AND r.staff_id = ${rm1}
          ORDER BY d.avg_fen DESC LIMIT 1`,
    );
    const v = (await get('rm0001', `/api/customers/${c!.customer_id}`)).json();
    expect(v.masked).toBe(true);
    expect(v.canReveal).toBe(true);
    expect(v.name).not.toBe(c!.name);
    expect(v.phone).toMatch(/^\d{3}\*+\d{4}$/);
    expect(v.idNumber).not.toBe(c!.id_number);
    expect(v.rm.staffId).toBe(rm1);
    const holdingSum = v.holdings.reduce(
      (s: bigint, h: { balance: string }) => s + BigInt(h.balance.replace('.', '')),
      0n,
    );
    expect(holdingSum).toBe(BigInt(c!.aum_fen));
    expect(v.aumHistory.length).toBeGreaterThanOrEqual(6);
    expect(v.holdingsByClass.reduce((s: number, k: { sharePct: number }) => s + k.sharePct, 0)).toBeGreaterThan(99);
  });

  it('lets the owning RM reveal PII with a reason, and audits it', async () => {
    const [c] = await query<{ customer_id: string; name: string; phone: string }>(
      bank.ctx.db,
      sql`SELECT c.customer_id, c.name, c.phone FROM customers c JOIN relationships r ON r.customer_id = c.customer_id AND r.ended_on IS NULL AND r.staff_id = ${rm1} LIMIT 1`,
    );
    const r = await bank.app.inject({
      method: 'POST',
      url: `/api/customers/${c!.customer_id}/reveal`,
      headers: { cookie: cookies.rm0001! },
      payload: { reason: '客户来电核实身份' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: c!.name, phone: c!.phone });
    const audit = await query<{ reason: string; actor_staff_id: string }>(
      bank.ctx.db,
      sql`SELECT reason, actor_staff_id FROM audit_log WHERE action = 'pii_reveal' AND entity_id = ${c!.customer_id}`,
    );
    expect(audit).toEqual([{ reason: '客户来电核实身份', actor_staff_id: rm1 }]);

    const noReason = await bank.app.inject({
      method: 'POST',
      url: `/api/customers/${c!.customer_id}/reveal`,
      headers: { cookie: cookies.rm0001! },
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('reason');

    const head = await bank.app.inject({
      method: 'POST',
      url: `/api/customers/${c!.customer_id}/reveal`,
      headers: { cookie: cookies.ob01! },
      payload: { reason: 'curious' },
    });
    expect(head.statusCode).toBe(403);
    const v = (await get('ob01', `/api/customers/${c!.customer_id}`)).json();
    expect(v.canReveal).toBe(false);
  });
});
