import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { freshDb, type TestDb } from '../support/db.js';
import { seedDatabase } from '../../src/synth/index.js';
import { query } from '../../src/platform/db/query.js';
import { importPath } from '../../src/features/ingest/import-path.js';
import type { FileResult, ImportOptions } from '../../src/features/ingest/types.js';

const FIX = 'test/fixtures/ingest';
let t: TestDb;
const reportDir = mkdtempSync(join(tmpdir(), 'guanhu-ingest-'));

const load = async (dir: string, opts: ImportOptions = {}) =>
  (await importPath(t.handle, join(FIX, dir), { reportDir: join(reportDir, dir), ...opts })).files;
const one = async (dir: string, opts: ImportOptions = {}) => {
  const files = await load(dir, opts);
  expect(files).toHaveLength(1);
  return files[0]!;
};
const rows = <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => query<T>(t.handle.db, q);
const rejectsOf = (f: FileResult) =>
  parse(readFileSync(f.rejectsPath!, 'utf8'), { columns: true }) as {
    file: string;
    line: string;
    column: string;
    value: string;
    reason: string;
  }[];
const holdingsOf = (day: string) =>
  rows<{ customer_id: string; account_id: string; balance_fen: string }>(
    sql`SELECT customer_id, account_id, balance_fen::text FROM holdings WHERE as_of_date = ${day}::date ORDER BY account_id, product_id`,
  );

beforeAll(async () => {
  t = await freshDb();
  await seedDatabase(t.handle, { scale: 'XS', seed: 7, asOf: '2026-11-20' });
}, 180_000);
afterAll(async () => {
  await t?.drop();
});

describe('guanhu import', () => {
  it('loads a clean folder in contract order, every row, skipping non-contract names', async () => {
    const res = await importPath(t.handle, join(FIX, 'clean'), { reportDir: join(reportDir, 'clean') });
    expect(res.skipped).toEqual(['notes.txt']);
    expect(res.files.map((f) => [f.file, f.status, f.read, f.loaded, f.rejected])).toEqual([
      ['org.csv', 'loaded', 2, 2, 0],
      ['staff.csv', 'loaded', 2, 2, 0],
      ['products.csv', 'loaded', 2, 2, 0],
      ['customers.csv', 'loaded', 2, 2, 0],
      ['relationships.csv', 'loaded', 2, 2, 0],
      ['holdings_20261120.csv', 'loaded', 4, 4, 0],
      ['transactions_20261120.csv', 'loaded', 2, 2, 0],
      ['contacts_20261120.csv', 'loaded', 1, 1, 0],
      ['complaints_20261120.csv', 'loaded', 1, 1, 0],
    ]);
    const [org] = await rows(sql`SELECT parent_id, path, depth FROM org_units WHERE org_id = 'OT9001'`);
    expect(org).toEqual({ parent_id: 'SB9001', path: '/HO/BR01/SB9001/OT9001/', depth: 3 });
    const [p] = await rows(
      sql`SELECT min_purchase_fen::text AS m, term_days, is_key FROM products WHERE product_id = 'ZZ01'`,
    );
    expect(p).toEqual({ m: '1000000', term_days: 180, is_key: true });
    const [c] = await rows(
      sql`SELECT tags, tier, birth_date::text AS b FROM customers WHERE customer_id = 'C09000001'`,
    );
    expect(c).toEqual({ tags: ['payroll', 'social_security'], tier: 'mass', b: '1980-01-01' });
    // new customers show up in the current day's AUM with zero until the next batch
    const aum = await rows(sql`SELECT customer_id, aum_fen::text AS a FROM customer_aum_daily
      WHERE as_of_date = '2026-11-20' AND customer_id LIKE 'C09%' ORDER BY 1`);
    expect(aum).toEqual([
      { customer_id: 'C09000001', a: '0' },
      { customer_id: 'C09000002', a: '0' },
    ]);
    // C00000001 moved to the new RM: old relationship closed, new one open
    const rel = await rows(sql`SELECT staff_id, started_on::text AS s, ended_on::text AS e, end_reason
      FROM relationships WHERE customer_id = 'C00000001' ORDER BY started_on, id`);
    expect(rel.at(-1)).toEqual({ staff_id: 'S09001', s: '2026-11-10', e: null, end_reason: null });
    if (rel.length > 1) expect(rel.at(-2)).toMatchObject({ end_reason: 'import' });
    expect(await holdingsOf('2026-11-20')).toEqual([
      { customer_id: 'C00000001', account_id: '6217000000001001', balance_fen: '876652' },
      { customer_id: 'C09000001', account_id: '6217999900000001', balance_fen: '1234560' },
      { customer_id: 'C09000001', account_id: '6217999900000002', balance_fen: '10000000' },
      { customer_id: 'C09000002', account_id: '6217999900000003', balance_fen: '1' },
    ]);
    const txns =
      await rows(sql`SELECT txn_id, amount_fen::text AS a, txn_time = '2026-11-20T06:00:00Z'::timestamptz AS local
      FROM transactions WHERE txn_id LIKE 'T9%' ORDER BY 1`);
    expect(txns).toEqual([
      { txn_id: 'T9000000001', a: '500000', local: false },
      { txn_id: 'T9000000002', a: '50', local: true },
    ]);
    const [k] = await rows(sql`SELECT outcome, topics, connected FROM contacts WHERE contact_id = 'K9000000001'`);
    expect(k).toEqual({ outcome: '客户说 "再考虑", 下周回访', topics: ['intro', 'add_wechat'], connected: true });
    const [q] = await rows(sql`SELECT summary FROM complaints WHERE complaint_id = 'P9000000001'`);
    expect(q).toEqual({ summary: '排队太久\n第二行说明' });
    const report = JSON.parse(readFileSync(res.files[5]!.reportPath!, 'utf8'));
    expect(report).toMatchObject({ file: 'holdings_20261120.csv', encoding: 'utf8', rowsRead: 4, rowsLoaded: 4 });
    expect(report.checksum).toMatch(/^[0-9a-f]{64}$/);
    const [rec] = await rows(
      // the newest: the seed's history has a holdings_20261120.csv of its own
      sql`SELECT status, rows_loaded, business_date::text AS d FROM import_files WHERE file_name = 'holdings_20261120.csv'
          ORDER BY id DESC LIMIT 1`,
    );
    expect(rec).toEqual({ status: 'loaded', rows_loaded: 4, d: '2026-11-20' });
    const left = await rows(sql`SELECT tablename FROM pg_tables WHERE tablename ~ '^import_(stage|rej|day)_'`);
    expect(left).toEqual([]);
  });

  it('re-loading the same files changes nothing', async () => {
    const before = await holdingsOf('2026-11-20');
    const files = await load('clean');
    expect(files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(await holdingsOf('2026-11-20')).toEqual(before);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM relationships WHERE customer_id = 'C00000001' AND ended_on IS NULL`,
    );
    expect(n!.n).toBe(1);
  });

  it('detects and decodes a GBK file', async () => {
    const f = await one('gbk');
    expect(f).toMatchObject({ status: 'loaded', encoding: 'gbk', loaded: 3, rejected: 0 });
    const names = await rows(
      sql`SELECT name FROM customers WHERE customer_id IN ('C09000021', 'C09000022', 'C09000023') ORDER BY customer_id`,
    );
    expect(names.map((r) => r.name)).toEqual(['张伟国', '欧阳晓燕', '李华（测试）']);
  });

  it('reads UTF-8 with a BOM (first column still matched)', async () => {
    const f = await one('bom');
    expect(f).toMatchObject({ status: 'loaded', encoding: 'utf8', loaded: 1 });
    const [c] = await rows(sql`SELECT name FROM customers WHERE customer_id = 'C09000011'`);
    expect(c).toEqual({ name: '带BOM的客户' });
  });

  it('reads CRLF line endings and ignores empty trailing lines', async () => {
    const f = await one('crlf');
    expect(f).toMatchObject({ status: 'loaded', read: 2, loaded: 2, rejected: 0 });
    expect(await holdingsOf('2026-11-19')).toEqual([
      { customer_id: 'C00000001', account_id: '6217000000001001', balance_fen: '10000' },
      { customer_id: 'C00000002', account_id: '6217000000002001', balance_fen: '200050' },
    ]);
  });

  it('rejects a truncated last line (cut short, or inside quotes) and loads the rest', async () => {
    const cut = await one('truncated');
    expect(cut).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1 });
    expect(rejectsOf(cut)).toEqual([
      {
        file: 'holdings_20261118.csv',
        line: '3',
        column: '(row)',
        value: '2026-11-18,C00000002,62170000',
        reason: 'truncated last line (expected 6 columns, found 3)',
      },
    ]);
    const quoted = await one('truncated-quote');
    expect(quoted).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1 });
    expect(rejectsOf(quoted)[0]).toMatchObject({ line: '3', reason: 'truncated last line' });
  });

  let rowsFolder: FileResult[] = [];
  it('rejects bad rows with file, line, column, value and reason, and loads the good ones', async () => {
    rowsFolder = await load('rows');
    const f = rowsFolder.find((x) => x.kind === 'holdings')!;
    expect(f).toMatchObject({ status: 'loaded', read: 11, loaded: 2, rejected: 9 });
    const byLine = Object.fromEntries(rejectsOf(f).map((r) => [r.line, r]));
    expect(rejectsOf(f).every((r) => r.file === 'holdings_20261117.csv')).toBe(true);
    expect(byLine['3']).toMatchObject({ column: '(row)', reason: 'expected 6 columns, found 3' });
    expect(byLine['4']).toMatchObject({ column: 'customer_id', value: 'C99999999', reason: 'unknown customer' });
    expect(byLine['5']).toMatchObject({ column: 'product_id', value: 'XX99', reason: 'unknown product' });
    expect(byLine['6']).toMatchObject({
      column: 'account_id,product_id',
      value: '6217000000001001,DD01',
      reason: 'duplicate key (account_id, product_id), first seen on line 2',
    });
    expect(byLine['7']).toMatchObject({ column: 'balance', value: '-5.00', reason: 'must not be negative' });
    expect(byLine['8']).toMatchObject({
      column: 'maturity_date',
      value: '2026-02-30',
      reason: 'not a real date YYYY-MM-DD',
    });
    expect(byLine['9']).toMatchObject({
      column: 'balance',
      value: '1.234',
      reason: 'not an amount with at most 2 decimals',
    });
    expect(byLine['10']).toMatchObject({ column: 'as_of_date', value: '2026-11-16' });
    expect(byLine['11']).toMatchObject({ column: 'balance', value: '', reason: 'required value is empty' });
    expect(byLine['2']).toBeUndefined();
    expect(await holdingsOf('2026-11-17')).toEqual([
      { customer_id: 'C00000001', account_id: '6217000000001001', balance_fen: '10000' },
      { customer_id: 'C00000009', account_id: '6217000000009101', balance_fen: '700' },
    ]);
  });

  it('stores holdings values exactly: quoted and non-ASCII ids, fen from every amount form, maturity dates', async () => {
    const files = await load('values');
    // an amount too large for fen in a bigint is one rejected row in SQL-validated files too, and
    // one above the ceiling on a single position (10^12 yuan by default) as well
    const txns = files.find((x) => x.kind === 'transactions')!;
    expect(txns).toMatchObject({ status: 'loaded', read: 2, loaded: 0, rejected: 2 });
    expect(rejectsOf(txns).map((r) => [r.line, r.column, r.reason])).toEqual([
      ['2', 'amount', 'amount too large (at most 16 digits before the decimal point)'],
      ['3', 'amount', 'amount above the ceiling of 1,000,000,000,000 yuan'],
    ]);
    const f = files.find((x) => x.kind === 'holdings')!;
    expect(f).toMatchObject({ status: 'loaded', read: 6, loaded: 3, rejected: 3 });
    const ceiling = 'balance above the ceiling of 1,000,000,000,000 yuan';
    expect(rejectsOf(f)).toMatchObject([
      { line: '3', column: 'balance', value: '9999999999999999.99', reason: ceiling },
      {
        line: '5',
        column: 'balance',
        value: '12345678901234567',
        reason: 'amount too large (at most 16 digits before the decimal point)',
      },
      { line: '6', column: 'balance', value: '1234567890123.4', reason: ceiling },
    ]);
    const got = await rows<{
      customer_id: string;
      account_id: string;
      balance_fen: string;
      maturity_date: string | null;
    }>(
      sql`SELECT customer_id, account_id, balance_fen::text, maturity_date::text FROM holdings
        WHERE as_of_date = '2026-11-18'::date ORDER BY customer_id`,
    );
    expect(got).toEqual([
      { customer_id: 'C00000001', account_id: '62,17"A', balance_fen: '50', maturity_date: '2027-05-19' },
      { customer_id: 'C00000003', account_id: '6217000000003001', balance_fen: '0', maturity_date: '1999-12-31' },
      { customer_id: 'C00000006', account_id: '6217000000006001', balance_fen: '0', maturity_date: null },
    ]);
  });

  it('never takes part of a customer id that has a line feed in it as a known id', async () => {
    await t.handle.db.execute(
      sql`CREATE TEMP TABLE lf_customer AS SELECT * FROM customers WHERE customer_id = 'C00000001'`,
    );
    await t.handle.db.execute(sql`UPDATE lf_customer SET customer_id = E'C\n1'`);
    await t.handle.db.execute(sql`INSERT INTO customers SELECT * FROM lf_customer`);
    try {
      const f = await one('lf-id');
      expect(f).toMatchObject({ status: 'loaded', read: 3, loaded: 1, rejected: 2 });
      expect(rejectsOf(f).map((r) => [r.line, r.column, r.reason])).toEqual([
        // (a line feed is a control character: no id may hold one)
        ['2', 'customer_id', 'invisible character U+000A in an id'],
        ['4', 'customer_id', 'unknown customer'],
      ]);
    } finally {
      await t.handle.db.execute(sql`DELETE FROM customers WHERE customer_id = E'C\n1'`);
      await t.handle.db.execute(sql`DROP TABLE lf_customer`);
    }
  });

  it('rejects unknown staff, a bad enum, a bad time and a bad boolean', async () => {
    const f = rowsFolder.find((x) => x.kind === 'contacts')!;
    expect(f).toMatchObject({ status: 'loaded', read: 5, loaded: 1, rejected: 4 });
    const r = rejectsOf(f).map((x) => [x.line, x.column, x.value, x.reason]);
    expect(r).toEqual([
      ['2', 'staff_id', 'S99999', 'unknown staff'],
      ['3', 'channel', 'telegram', 'not one of: phone, visit, wechat, sms, video, event'],
      ['4', 'started_at', '2026-11-17T25:00:00+08:00', 'not an ISO 8601 time'],
      ['5', 'connected', '2', 'must be 0 or 1'],
    ]);
  });

  it('fails a file without a required column, with a clear message, and loads nothing', async () => {
    const f = await one('missing-column');
    expect(f.status).toBe('failed');
    expect(f.message).toBe('missing required column `balance`');
    expect(await holdingsOf('2026-11-16')).toEqual([]);
    const [rec] = await rows(sql`SELECT status, message FROM import_files WHERE file_name = 'holdings_20261116.csv'`);
    expect(rec).toEqual({ status: 'failed', message: 'missing required column `balance`' });
  });

  it('ignores an unknown column with a warning and matches names case-insensitively', async () => {
    const f = await one('extra-column');
    expect(f).toMatchObject({ status: 'loaded', loaded: 1 });
    expect(f.warnings).toEqual(['unknown column "remark" ignored']);
    const [p] = await rows(sql`SELECT name, category FROM products WHERE product_id = 'ZZ03'`);
    expect(p).toEqual({ name: '测试基金三号', category: 'fund' });
  });

  it('refuses a holdings file whose every row is bad, keeping the day as it was', async () => {
    const before = await holdingsOf('2026-11-20');
    expect(before.length).toBeGreaterThan(0);
    const f = await one('all-rejected');
    expect(f.status).toBe('failed');
    expect(f.message).toMatch(/all 2 rows were rejected/);
    expect(await holdingsOf('2026-11-20')).toEqual(before);
  });

  it('keeps the previous day when the merge fails before commit, and a re-run loads it', async () => {
    const before = await holdingsOf('2026-11-20');
    const crashed = await one('holdings-v2', {
      beforeCommit: () => {
        throw new Error('simulated crash');
      },
    });
    expect(crashed).toMatchObject({ status: 'failed', message: 'simulated crash' });
    expect(await holdingsOf('2026-11-20')).toEqual(before);
    const [left] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_tables WHERE tablename ~ '^import_(stage|rej|day)_'`,
    );
    expect(left!.n).toBe(0);

    const again = await one('holdings-v2');
    expect(again).toMatchObject({ status: 'loaded', loaded: 2 });
    // a different file for the same date replaces the day whole
    expect(await holdingsOf('2026-11-20')).toEqual([
      { customer_id: 'C00000002', account_id: '6217000000002001', balance_fen: '100000' },
      { customer_id: 'C09000001', account_id: '6217999900000001', balance_fen: '9999' },
    ]);
    // and the first file for that date, loaded again, replaces it back
    const back = (await load('clean')).find((x) => x.kind === 'holdings')!;
    expect(back.status).toBe('loaded');
    expect(await holdingsOf('2026-11-20')).toHaveLength(4);
  });
});
