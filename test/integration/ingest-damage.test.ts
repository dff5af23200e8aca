/**
 * Damaged files lose only their damaged rows (issue 9): a stray quote, a NUL byte, a CR inside a
 * value or bytes that are not UTF-8 reject their own row with line, column and reason, in every
 * kind of file, and the rest loads. Files that cannot be read right fail with the reason.
 * And the summaries say why rows were rejected (issue 8): top reasons with counts, and a row
 * rejected because the row it refers to was rejected earlier in the same import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { freshDb, type TestDb } from '../support/db.js';
import { seedDatabase } from '../../src/synth/index.js';
import { query } from '../../src/platform/db/query.js';
import { importPath } from '../../src/features/ingest/import-path.js';
import { summary } from '../../src/features/ingest/commands.js';
import type { FileResult } from '../../src/features/ingest/types.js';

const CLEAN = 'test/fixtures/ingest/clean';
let t: TestDb;
const work = mkdtempSync(join(tmpdir(), 'guanhu-damage-'));
let dirs = 0;

/** a folder holding the given files (name → bytes) */
function folder(files: Record<string, string | Buffer>): string {
  const dir = join(work, `d${dirs++}`);
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}
const importDir = async (dir: string) => (await importPath(t.handle, dir, { reportDir: join(dir, 'reports') })).files;
const rejectsOf = (f: FileResult) =>
  parse(readFileSync(f.rejectsPath!, 'utf8'), { columns: true }) as Record<string, string>[];
const rows = <T = Record<string, unknown>>(q: ReturnType<typeof sql>) => query<T>(t.handle.db, q);
const cleanFiles = readdirSync(CLEAN).filter((n) => n.endsWith('.csv'));

beforeAll(async () => {
  t = await freshDb();
  await seedDatabase(t.handle, { scale: 'XS', seed: 7, asOf: '2026-11-20' });
  const dir = join(work, 'clean');
  mkdirSync(dir);
  for (const n of cleanFiles) copyFileSync(join(CLEAN, n), join(dir, n));
  const files = await importDir(dir);
  expect(files.every((f) => f.status === 'loaded' && f.rejected === 0)).toBe(true);
}, 180_000);
afterAll(async () => {
  await t?.drop();
});

/** the clean file with `line` inserted as its second line */
function withLine(name: string, line: (columns: number) => string | Buffer): { body: Buffer; rows: number } {
  const text = readFileSync(join(CLEAN, name));
  const lf = text.indexOf(0x0a);
  const columns = text.subarray(0, lf).toString().split(',').length;
  const inserted = line(columns);
  const body = Buffer.concat([
    text.subarray(0, lf + 1),
    Buffer.from(inserted),
    Buffer.from('\n'),
    text.subarray(lf + 1),
  ]);
  return { body, rows: 0 };
}

describe('a damaged row in any kind of file is rejected alone', () => {
  const damages: [string, (n: number) => string, string][] = [
    ['a stray quote', (n) => `"stray${',x'.repeat(n - 1)}`, 'unclosed quote'],
    ['a NUL byte', (n) => `x\u0000y${',x'.repeat(n - 1)}`, 'NUL byte (0x00) in the value'],
    ['a CR inside a value', (n) => `x\ry${',x'.repeat(n - 1)}`, 'carriage return (CR) inside the value'],
  ];
  for (const [what, line, reason] of damages)
    it.each(cleanFiles)(`${what} in %s`, async (name) => {
      const clean = (await importDir(folder({ [name]: readFileSync(join(CLEAN, name)) })))[0]!;
      const damaged = (await importDir(folder({ [name]: withLine(name, line).body })))[0]!;
      expect(damaged.status, damaged.message ?? '').toBe('loaded');
      expect(damaged).toMatchObject({ read: clean.read + 1, loaded: clean.read, rejected: 1 });
      const header = readFileSync(join(CLEAN, name), 'utf8').split('\n')[0]!.split(',');
      expect(rejectsOf(damaged)).toEqual([
        expect.objectContaining({ file: name, line: '2', column: header[0], reason }),
      ]);
      expect(damaged.topReasons).toEqual([{ column: header[0], reason, count: 1 }]);
    });
});

describe('encodings', () => {
  it('keeps a UTF-8 file with one invalid byte UTF-8: that row is rejected with its column, every other name intact', async () => {
    const lines = ['customer_id,name,home_org_id,open_date'];
    for (let i = 1; i <= 2000; i++) lines.push(`CU${String(i).padStart(6, '0')},客户${i}号,OT9001,2020-01-01`);
    const text = Buffer.from(lines.join('\n') + '\n');
    const at = text.indexOf(Buffer.from('客户779号')) + Buffer.byteLength('客户779号');
    const body = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const [f] = await importDir(folder({ 'customers.csv': body }));
    expect(f).toMatchObject({ status: 'loaded', encoding: 'utf8', read: 2000, loaded: 1999, rejected: 1 });
    expect(rejectsOf(f!)).toEqual([
      expect.objectContaining({ line: '780', column: 'name', reason: 'bytes that are not UTF-8 in the value' }),
    ]);
    const names = await rows<{ name: string }>(
      sql`SELECT name FROM customers WHERE customer_id IN ('CU000001', 'CU002000', 'CU000780')`,
    );
    expect(names.map((r) => r.name).sort()).toEqual(['客户1号', '客户2000号', '客户780号']);
  });

  it('fails a GBK file with bytes that are not GBK, naming the line', async () => {
    const gbk = readFileSync('test/fixtures/ingest/gbk/customers.csv');
    const [f] = await importDir(folder({ 'customers.csv': Buffer.concat([gbk, Buffer.from([0xff, 0x0a])]) }));
    expect(f).toMatchObject({ status: 'failed', encoding: 'gbk' });
    expect(f!.message).toMatch(/not valid GBK at line \d+/);
  });

  it('fails a file with CR-only line ends, saying so', async () => {
    const body = readFileSync(join(CLEAN, 'customers.csv'), 'utf8').replace(/\n/g, '\r');
    const [f] = await importDir(folder({ 'customers.csv': body }));
    expect(f).toMatchObject({ status: 'failed' });
    expect(f!.message).toMatch(/CR only/);
  });
});

describe('import summaries a person can act on', () => {
  it('loads term_days 0 as no fixed term, so its holdings count', async () => {
    const dir = folder({
      'products.csv':
        'product_id,name,category,asset_class,risk_rating,term_days\nP_DD,活期,demand_deposit,cash,R1,0\n',
      'holdings_20261120.csv': readFileSync(join(CLEAN, 'holdings_20261120.csv'), 'utf8').replace(/,DD01,/g, ',P_DD,'),
    });
    const [p, h] = await importDir(dir);
    expect(p).toMatchObject({ status: 'loaded', loaded: 1, rejected: 0 });
    expect(h).toMatchObject({ status: 'loaded', rejected: 0 });
    const [row] = await rows(sql`SELECT term_days FROM products WHERE product_id = 'P_DD'`);
    expect(row).toEqual({ term_days: null });
  });

  it('names the earlier rejected row behind reference rejects, and the top three reasons with counts', async () => {
    const holdings = ['as_of_date,customer_id,account_id,product_id,balance,maturity_date'];
    for (let i = 0; i < 5; i++) holdings.push(`2026-11-21,C09000001,62179999100${i},P_BAD,1.00,`);
    for (let i = 0; i < 3; i++) holdings.push(`2026-11-21,C09000001,62179999200${i},DD01,x,`);
    for (let i = 0; i < 2; i++) holdings.push(`2026-11-21,NOBODY,62179999300${i},DD01,1,`);
    holdings.push('2026-11-21,C09000001,621799994000,DD01,2,');
    holdings.push('2026-11-21,C09000002,621799994001,DD01,3,');
    const dir = folder({
      'products.csv':
        'product_id,name,category,asset_class,risk_rating,term_days\nP_BAD,坏产品,demand_deposit,cash,R9,\n',
      'holdings_20261121.csv': holdings.join('\n') + '\n',
    });
    const [p, h] = await importDir(dir);
    expect(p).toMatchObject({ status: 'loaded', rejected: 1 });
    expect(h).toMatchObject({ read: 12, rejected: 10 });
    expect(h!.topReasons).toEqual([
      {
        column: 'product_id',
        reason: 'unknown product',
        count: 5,
        value: 'P_BAD',
        cause: expect.stringMatching(/^products\.csv line 2 was rejected: risk_rating not one of: R1/),
      },
      { column: 'balance', reason: 'not an amount with at most 2 decimals', count: 3 },
      { column: 'customer_id', reason: 'unknown customer', count: 2 },
    ]);
    expect(summary(h!)).toMatch(
      /^holdings_20261121\.csv: .*rejected 10 \(5 unknown product P_BAD: products\.csv line 2 was rejected: risk_rating not one of: R1.*; 3 balance: not an amount with at most 2 decimals; 2 customer_id: unknown customer\)/,
    );
    const [rec] = await rows<{ top_reasons: unknown[] }>(
      sql`SELECT top_reasons FROM import_files WHERE file_name = 'holdings_20261121.csv' ORDER BY id DESC LIMIT 1`,
    );
    expect(rec!.top_reasons).toHaveLength(3);
  });
});
