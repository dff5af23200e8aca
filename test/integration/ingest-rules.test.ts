/**
 * The import's business rules beyond the format (issue 9): the ceiling on a single position, the
 * holdings shrink guard, relationship and org rules, id hygiene and field lengths. Files are
 * written per test into a temporary folder, from the seeded bank's own rows where a whole day is
 * needed.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../src/features/ingest/import-path.js';
import type { FileResult, ImportOptions } from '../../src/features/ingest/types.js';
import { nightlySteps } from '../../src/modules.js';
import { query } from '../../src/platform/db/query.js';
import { runBatch } from '../../src/platform/jobs/run-batch.js';
import { seedDatabase } from '../../src/synth/index.js';
import { freshDb, type TestDb } from '../support/db.js';

let t: TestDb;
const root = mkdtempSync(join(tmpdir(), 'guanhu-ingest-rules-'));
let n = 0;

/** writes the files into a fresh folder and imports it */
async function importFiles(files: Record<string, string>, opts: ImportOptions = {}): Promise<FileResult[]> {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return (await importPath(t.handle, dir, { reportDir: join(dir, 'report'), ...opts })).files;
}
async function importOne(name: string, body: string, opts: ImportOptions = {}): Promise<FileResult> {
  const [f] = await importFiles({ [name]: body }, opts);
  return f!;
}
const rows = <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => query<T>(t.handle.db, q);
const rejectsOf = (f: FileResult) =>
  parse(readFileSync(f.rejectsPath!, 'utf8'), { columns: true }) as {
    line: string;
    column: string;
    value: string;
    reason: string;
  }[];
const HOLDINGS_HEADER = 'as_of_date,customer_id,account_id,product_id,balance,maturity_date\n';

/** the seeded day's holdings as a file for `day` */
async function dayFile(from: string, day: string): Promise<string[]> {
  const hs = await rows<{ c: string; a: string; p: string; b: string; m: string | null }>(
    sql`SELECT customer_id AS c, account_id AS a, product_id AS p, balance_fen::text AS b, maturity_date::text AS m
        FROM holdings WHERE as_of_date = ${from}::date ORDER BY customer_id, account_id, product_id`,
  );
  return hs.map(
    (h) =>
      `${day},${h.c},${h.a},${h.p},${(BigInt(h.b) / 100n).toString()}.${h.b.slice(-2).padStart(2, '0')},${h.m ?? ''}`,
  );
}

beforeAll(async () => {
  t = await freshDb();
  await seedDatabase(t.handle, { scale: 'XS', seed: 7, asOf: '2026-11-20' });
}, 180_000);
afterAll(async () => {
  await t?.drop();
});

describe('a ceiling on a single position', () => {
  it('rejects ten balances of 9999999999999999.99 for one customer, and the batch runs', async () => {
    const day = await dayFile('2026-11-20', '2026-11-21');
    const [c] = await rows<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1 LIMIT 1`);
    const big = Array.from(
      { length: 10 },
      (_, i) => `2026-11-21,${c!.id},ZZBIG${String(i).padStart(4, '0')},DD01,9999999999999999.99,`,
    );
    // one at the ceiling exactly is fine
    const atCeiling = `2026-11-21,${c!.id},ZZCEIL0001,DD01,1000000000000.00,`;
    const f = await importOne('holdings_20261121.csv', HOLDINGS_HEADER + [...day, ...big, atCeiling].join('\n') + '\n');
    expect(f).toMatchObject({ status: 'loaded', rejected: 10, loaded: day.length + 1 });
    const rej = rejectsOf(f);
    expect(rej).toHaveLength(10);
    for (const r of rej)
      expect(r).toMatchObject({
        column: 'balance',
        value: '9999999999999999.99',
        reason: 'balance above the ceiling of 1,000,000,000,000 yuan',
      });
    expect(rej[0]!.line).toBe(String(day.length + 2));

    // runBatch throws when a step fails (it did: bigint out of range, for the whole bank)
    const [r] = await runBatch(t.handle.db, nightlySteps, { date: '2026-11-21' });
    expect(r!.steps.map((s) => s.name)).toContain('aum');
    const [aum] = await rows<{ a: string }>(
      sql`SELECT aum_fen::text AS a FROM customer_aum_daily WHERE as_of_date = '2026-11-21' AND customer_id = ${c!.id}`,
    );
    expect(BigInt(aum!.a)).toBeGreaterThanOrEqual(100000000000000n);
  }, 120_000);

  it('rejects an amount above the ceiling in the SQL path too (transactions, products)', async () => {
    const [c] = await rows<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1 LIMIT 1`);
    const [pr, tx] = await importFiles({
      'transactions_20261121.csv':
        'txn_id,customer_id,txn_time,direction,amount\n' +
        `TXBIG1,${c!.id},2026-11-21T09:00:00+08:00,in,1000000000000.01\n` +
        `TXOK1,${c!.id},2026-11-21T09:00:00+08:00,in,1000000000000\n`,
      'products.csv':
        'product_id,name,category,asset_class,risk_rating,min_purchase\nZZBIGP,大额,fund,equity,R3,9999999999999999.99\n',
    });
    expect(tx).toMatchObject({ status: 'loaded', loaded: 1, rejected: 1 });
    expect(rejectsOf(tx!)).toEqual([
      {
        file: 'transactions_20261121.csv',
        line: '2',
        column: 'amount',
        value: '1000000000000.01',
        reason: 'amount above the ceiling of 1,000,000,000,000 yuan',
      },
    ]);
    expect(pr).toMatchObject({ status: 'loaded', loaded: 0, rejected: 1 });
    expect(rejectsOf(pr!)[0]).toMatchObject({
      column: 'min_purchase',
      reason: 'min_purchase above the ceiling of 1,000,000,000,000 yuan',
    });
  });
});

describe('ids and text values', () => {
  it('trims ids, so " C001 " is C001: no new customer or org unit', async () => {
    const before = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM customers`);
    const [c] = await rows<{ id: string; org: string; name: string }>(
      sql`SELECT customer_id AS id, home_org_id AS org, name FROM customers ORDER BY 1 LIMIT 1`,
    );
    const [org] = await rows<{ id: string; parent: string; level: string; name: string }>(
      sql`SELECT org_id AS id, parent_id AS parent, level::text AS level, name FROM org_units WHERE level = 'outlet' ORDER BY 1 LIMIT 1`,
    );
    const [o, cu] = await importFiles({
      'org.csv': `org_id,parent_id,level,name\n" ${org!.id}\t",${org!.parent} ,${org!.level},${org!.name}\n`,
      'customers.csv': `customer_id,name,home_org_id\n  ${c!.id}  ,\u3000${c!.name} ,${c!.org}\u00a0\n`,
    });
    expect(o).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(cu).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(await rows(sql`SELECT count(*)::int AS n FROM customers`)).toEqual(before);
    const [after] = await rows<{ name: string }>(sql`SELECT name FROM customers WHERE customer_id = ${c!.id}`);
    expect(after!.name).toBe(c!.name);
    const [{ n }] = (await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM org_units WHERE org_id LIKE ${'%' + org!.id + '%'}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('rejects an id holding a zero-width or control character, naming it, and a name of spaces only', async () => {
    const [c] = await rows<{ org: string }>(sql`SELECT home_org_id AS org FROM customers ORDER BY 1 LIMIT 1`);
    const f = await importOne(
      'customers.csv',
      'customer_id,name,home_org_id\n' +
        `C7700001\u200b,甲,${c!.org}\n` +
        `C77\u200c00002,乙,${c!.org}\n` +
        `\ufeffC7700003,丙,${c!.org}\n` +
        `C7700004\u200d,丁,${c!.org}\n` +
        `C7700005,   ,${c!.org}\n` +
        `C7700006,戊,${c!.org}\u2060\n` +
        `"C77\u000100007",己,${c!.org}\n` +
        `C7700008,庚,${c!.org}\n`,
    );
    expect(f).toMatchObject({ status: 'loaded', loaded: 1, rejected: 7 });
    expect(rejectsOf(f).map((r) => [r.line, r.column, r.reason])).toEqual([
      ['2', 'customer_id', 'invisible character U+200B in an id'],
      ['3', 'customer_id', 'invisible character U+200C in an id'],
      ['4', 'customer_id', 'invisible character U+FEFF in an id'],
      ['5', 'customer_id', 'invisible character U+200D in an id'],
      ['6', 'name', 'required value is empty'],
      ['7', 'home_org_id', 'invisible character U+2060 in an id'],
      ['8', 'customer_id', 'invisible character U+0001 in an id'],
    ]);
    const ids = await rows<{ id: string }>(sql`SELECT customer_id AS id FROM customers WHERE customer_id LIKE 'C77%'`);
    expect(ids).toEqual([{ id: 'C7700008' }]);
  });

  it('rejects over-long values with line, column and reason; a 10 MiB id no longer fails the file', async () => {
    const [c] = await rows<{ org: string }>(sql`SELECT home_org_id AS org FROM customers ORDER BY 1 LIMIT 1`);
    const huge = 'X'.repeat(10 * 1024 * 1024);
    const f = await importOne(
      'customers.csv',
      'customer_id,name,home_org_id,tags\n' +
        `C78${huge},甲,${c!.org},\n` +
        `C7800002,${'名'.repeat(201)},${c!.org},\n` +
        `C7800003,${'名'.repeat(200)},${c!.org},${'t'.repeat(2001)}\n` +
        `${'C'.repeat(64)},乙,${c!.org},\n`,
    );
    expect(f).toMatchObject({ status: 'loaded', loaded: 1, rejected: 3 });
    expect(rejectsOf(f).map((r) => [r.line, r.column, r.reason])).toEqual([
      ['2', 'customer_id', 'longer than 64 characters'],
      ['3', 'name', 'longer than 200 characters'],
      ['4', 'tags', 'longer than 2000 characters'],
    ]);
    const h = await importOne(
      'holdings_20261121.csv',
      HOLDINGS_HEADER +
        (await dayFile('2026-11-21', '2026-11-21')).join('\n') +
        `\n2026-11-21,${'C'.repeat(64)},A${'9'.repeat(64)},DD01,1,\n` +
        `2026-11-21,${'C'.repeat(64)},A\u200b1,DD01,1,\n` +
        `2026-11-21, ${'C'.repeat(64)} ,A7800001 ,DD01 , 1.5 ,\n`,
    );
    expect(h.status).toBe('loaded');
    expect(rejectsOf(h).map((r) => [r.column, r.reason])).toEqual([
      ['account_id', 'longer than 64 characters'],
      ['account_id', 'invisible character U+200B in an id'],
    ]);
    const [pos] = await rows(
      sql`SELECT customer_id, product_id, balance_fen::text AS b FROM holdings WHERE as_of_date = '2026-11-21' AND account_id = 'A7800001'`,
    );
    expect(pos).toEqual({ customer_id: 'C'.repeat(64), product_id: 'DD01', b: '150' });
  }, 60_000);
});

describe('the rejects file cap', () => {
  it('says how many rejected rows the rejects file leaves out', async () => {
    // 100,010 records with the wrong number of fields: the splitter keeps the first 100,000
    const body = 'product_id,name,category,asset_class,risk_rating\n' + 'x\n'.repeat(100_010);
    const f = await importOne('products.csv', body);
    expect(f).toMatchObject({ status: 'loaded', read: 100_010, rejected: 100_010, rejectsLeftOut: 10 });
    expect(f.warnings).toContain(
      '10 more rejected rows are not in the rejects file (it lists the first 100,000 rows that could not be split)',
    );
    expect(rejectsOf(f)).toHaveLength(100_000);
    expect(JSON.parse(readFileSync(f.reportPath!, 'utf8'))).toMatchObject({
      rowsRejected: 100_010,
      rejectsLeftOut: 10,
    });
  }, 60_000);
});

describe('a holdings day much smaller than the day before', () => {
  const count = async (day: string) =>
    (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM holdings WHERE as_of_date = ${day}::date`))[0]!.n;

  it('refuses a header-only file with the figures and keeps the day', async () => {
    const full = await dayFile('2026-11-21', '2026-11-22');
    const loaded = await importOne('holdings_20261122.csv', HOLDINGS_HEADER + full.join('\n') + '\n');
    expect(loaded).toMatchObject({ status: 'loaded', rejected: 0, loaded: full.length });
    const [{ n: customers }] = (await rows<{ n: number }>(
      sql`SELECT count(DISTINCT customer_id)::int AS n FROM holdings WHERE as_of_date = '2026-11-21'`,
    )) as [{ n: number }];
    const f = await importOne('holdings_20261122.csv', HOLDINGS_HEADER);
    expect(f.status).toBe('failed');
    expect(f.message).toBe(
      `holdings_20261122.csv holds 0 customers, the previous day ${customers.toLocaleString('en-US')} ` +
        '(fewer than half): refused, the day was kept; pass --accept-shrink to load it anyway',
    );
    expect(await count('2026-11-22')).toBe(full.length);
  });

  it('refuses a file with more than 2% and at least 100 of its rows rejected', async () => {
    const full = await dayFile('2026-11-21', '2026-11-23');
    const bad = Math.max(100, Math.ceil(full.length * 0.03));
    const [c] = await rows<{ id: string }>(sql`SELECT customer_id AS id FROM customers ORDER BY 1 LIMIT 1`);
    const junk = Array.from({ length: bad }, (_, i) => `2026-11-23,${c!.id},AJ${i},NOPRODUCT,1,`);
    const f = await importOne('holdings_20261123.csv', HOLDINGS_HEADER + [...full, ...junk].join('\n') + '\n');
    expect(f.status).toBe('failed');
    const read = full.length + bad;
    expect(f.message).toBe(
      `holdings_20261123.csv had ${bad.toLocaleString('en-US')} of its ${read.toLocaleString('en-US')} rows rejected ` +
        '(more than 2% and at least 100): refused, the day was kept; pass --accept-shrink to load it anyway',
    );
    expect(await count('2026-11-23')).toBe(0);
    // 99 rejects is under the floor of 100: loaded
    const few = await importOne(
      'holdings_20261123.csv',
      HOLDINGS_HEADER + [...full, ...junk.slice(0, 99)].join('\n') + '\n',
    );
    expect(few).toMatchObject({ status: 'loaded', rejected: 99 });
  });

  it('refuses a file whose every row but one was rejected; --accept-shrink loads it and audits the figures', async () => {
    const full = await dayFile('2026-11-21', '2026-11-24');
    // every row but the first names another date: rejected
    const others = full.slice(1).map((l) => l.replace('2026-11-24', '2026-11-25'));
    const body = HOLDINGS_HEADER + [full[0]!, ...others].join('\n') + '\n';
    const refused = await importOne('holdings_20261124.csv', body);
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(
      /^holdings_20261124\.csv holds 1 customer, the previous day [\d,]+ \(fewer than half\): refused, the day was kept; pass --accept-shrink to load it anyway$/,
    );
    expect(await count('2026-11-24')).toBe(0);

    const accepted = await importOne('holdings_20261124.csv', body, { acceptShrink: true });
    expect(accepted).toMatchObject({ status: 'loaded', loaded: 1, rejected: full.length - 1 });
    expect(accepted.warnings.join('; ')).toMatch(/holds 1 customer, .*loaded anyway \(--accept-shrink\)/);
    expect(await count('2026-11-24')).toBe(1);
    const audit = await rows<{ action: string; entity_id: string; reason: string; before: unknown; after: unknown }>(
      sql`SELECT action::text, entity_id, reason, before, after FROM audit_log WHERE action = 'import_shrink_accepted'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_id: 'holdings_20261124.csv',
      before: { date: '2026-11-23' },
      after: { date: '2026-11-24', customers: 1, rows: full.length, rejected: full.length - 1 },
    });
    expect(audit[0]!.reason).toMatch(
      /holds 1 customer, the previous day [\d,]+ \(fewer than half\): loaded with --accept-shrink/,
    );
  });
});

describe('relationship and org rules', () => {
  const branchOf = (path: string) => path.split('/')[2];
  /** a customer and its outlet's path */
  const aCustomer = async () =>
    (
      await rows<{ id: string; org: string; path: string }>(
        sql`SELECT c.customer_id AS id, c.home_org_id AS org, o.path FROM customers c JOIN org_units o ON o.org_id = c.home_org_id
            ORDER BY 1 LIMIT 1`,
      )
    )[0]!;
  const staffWhere = async (q: ReturnType<typeof sql>) =>
    (
      await rows<{ id: string; path: string }>(sql`SELECT s.staff_id AS id, o.path FROM staff s
      JOIN org_units o ON o.org_id = s.org_id WHERE ${q} ORDER BY 1 LIMIT 1`)
    )[0]!;

  it("rejects a primary RM who is a lobby manager or the admin, or who works outside the customer's branch", async () => {
    const c = await aCustomer();
    const branch = branchOf(c.path)!;
    const lobby = await staffWhere(sql`s.role = 'lobby_manager'`);
    const admin = await staffWhere(sql`s.role = 'admin'`);
    // an RM of another branch
    const [ho] = await rows<{ id: string }>(sql`SELECT org_id AS id FROM org_units WHERE level = 'head_office'`);
    const setup = await importFiles({
      'org.csv': `org_id,parent_id,level,name\nBR79,${ho!.id},branch,他行\nOT7901,BR79,outlet,他行网点\n`,
      'staff.csv': 'staff_id,org_id,name,role,status\nS7901,OT7901,他行经理,rm,active\n',
    });
    expect(setup.map((x) => x.status)).toEqual(['loaded', 'loaded']);
    const away = await staffWhere(sql`s.staff_id = 'S7901'`);
    const near = await staffWhere(sql`s.role = 'rm' AND s.status = 'active' AND o.path LIKE ${`/%/${branch}/%`}`);
    const f = await importOne(
      'relationships.csv',
      'customer_id,staff_id,since\n' +
        `${c.id},${lobby.id},2026-11-21\n${c.id},${admin.id},2026-11-21\n${c.id},${away.id},2026-11-21\n` +
        `${c.id},${near.id},2026-11-21\n`,
    );
    // (the file's key is the customer: the later rows are also duplicates, but the first failing check wins)
    expect(rejectsOf(f).map((r) => [r.line, r.column, r.reason])).toEqual([
      ['2', 'staff_id', `a primary RM must be one of rm, wealth_rm, private_advisor, not lobby_manager (${lobby.id})`],
      ['3', 'staff_id', `a primary RM must be one of rm, wealth_rm, private_advisor, not admin (${admin.id})`],
      [
        '4',
        'staff_id',
        `the RM works outside the customer's branch: ${away.id} is in ${branchOf(away.path)}, the customer's outlet ${c.org} in ${branch}`,
      ],
      ['5', 'customer_id', 'duplicate key (customer_id), first seen on line 2'],
    ]);
    const good = await importOne('relationships.csv', `customer_id,staff_id,since\n${c.id},${near.id},2026-11-21\n`);
    expect(good).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    const open = await rows(sql`SELECT staff_id FROM relationships WHERE customer_id = ${c.id} AND ended_on IS NULL`);
    expect(open).toEqual([{ staff_id: near.id }]);
  });

  it('loads a relationship to staff who have left as ended, with a warning: the customer needs an RM', async () => {
    const c = await aCustomer();
    const [st, rel] = await importFiles({
      'staff.csv': `staff_id,org_id,name,role,status\nS7900001,${c.org},离职经理,rm,left\n`,
      'relationships.csv': `customer_id,staff_id,since\n${c.id},S7900001,2026-11-22\n`,
    });
    expect(st).toMatchObject({ status: 'loaded', loaded: 1 });
    expect(rel).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(rel!.warnings).toContain(
      '1 relationship names staff who have left (S7900001): loaded as ended, so that customer needs an RM',
    );
    const rs = await rows(
      sql`SELECT staff_id, started_on::text AS s, ended_on::text AS e, end_reason FROM relationships
          WHERE customer_id = ${c.id} AND (ended_on IS NULL OR staff_id = 'S7900001') ORDER BY id`,
    );
    expect(rs).toEqual([{ staff_id: 'S7900001', s: '2026-11-22', e: '2026-11-22', end_reason: 'staff_left' }]);
    // re-loading changes nothing
    await importOne('relationships.csv', `customer_id,staff_id,since\n${c.id},S7900001,2026-11-22\n`);
    expect(await rows(sql`SELECT count(*)::int AS n FROM relationships WHERE staff_id = 'S7900001'`)).toEqual([
      { n: 1 },
    ]);
  });

  it('rejects an outlet with customers turned into a branch, an outlet under an outlet, a second head office', async () => {
    const c = await aCustomer();
    const [ho] = await rows<{ id: string }>(sql`SELECT org_id AS id FROM org_units WHERE level = 'head_office'`);
    const [sb] = await rows<{ id: string }>(
      sql`SELECT org_id AS id FROM org_units WHERE level = 'sub_branch' ORDER BY 1 LIMIT 1`,
    );
    const [{ n }] = (await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM customers WHERE home_org_id = ${c.org}`,
    )) as [{ n: number }];
    const f = await importOne(
      'org.csv',
      'org_id,parent_id,level,name\n' +
        `${c.org},${ho!.id},branch,升格网点\n` +
        `OT7900001,${c.org},outlet,网点下的网点\n` +
        `HO7900001,,head_office,第二总行\n` +
        `OT7900002,${sb!.id},outlet,新网点\n`,
    );
    expect(rejectsOf(f).map((r) => [r.line, r.column, r.reason])).toEqual([
      ['2', 'level', `outlet ${c.org} still has ${n} customers: it cannot become a branch`],
      ['3', 'parent_id', `outlet OT7900001 cannot be under outlet ${c.org} (a unit is under a higher level)`],
      ['4', 'level', `a second head office: ${ho!.id} is the head office`],
    ]);
    expect(f).toMatchObject({ status: 'loaded', loaded: 1, rejected: 3 });
    const units = await rows(
      sql`SELECT org_id, level::text FROM org_units WHERE org_id IN (${c.org}, 'OT7900001', 'HO7900001', 'OT7900002') ORDER BY 1`,
    );
    expect(units).toEqual([
      { org_id: c.org, level: 'outlet' },
      { org_id: 'OT7900002', level: 'outlet' },
    ]);
  });
});
