import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYuan } from '../domain/money.js';
import { generateFiles } from './files.js';
import { HEADERS } from './file-rows.js';
import { snapshot } from './snapshot.js';

// a window that starts before the 1st, so the month-to-date averages can be recomputed
const AS_OF = '2026-11-05';
const DAYS = 7;
// The project's copy of the shared contract (docs/data-format.md is kept identical to it).
const CONTRACT = fileURLToPath(new URL('../../docs/data-format.md', import.meta.url));
let dir: string;
let again: string;

const read = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
const rows = (d: string, f: string) =>
  read(d, f)
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guanhu-synth-'));
  again = mkdtempSync(join(tmpdir(), 'guanhu-synth-'));
  await generateFiles({ scale: 'XS', seed: 3, asOf: AS_OF, days: DAYS, outDir: dir });
  await generateFiles({ scale: 'XS', seed: 3, asOf: AS_OF, days: DAYS, outDir: again });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(again, { recursive: true, force: true });
});

/** the column names per file kind from the contract's table (bold or not, without the notes) */
function contractColumns(md: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of md.split('\n')) {
    const m = /^\| `([a-z]+)(?:_<date>)?\.csv` \| (.+) \|$/.exec(l);
    if (!m) continue;
    let depth = 0;
    let cur = '';
    const cols: string[] = [];
    for (const ch of m[2]!) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) {
        cols.push(cur);
        cur = '';
      } else cur += ch;
    }
    cols.push(cur);
    out[m[1]!] = cols.map((c) => /[a-z_]+/.exec(c.replaceAll('*', ''))![0]);
  }
  return out;
}

describe('generateFiles (XS)', () => {
  it('writes every file with the contract headers', () => {
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(5 + 4 * DAYS);
    expect(names).toContain('holdings_20261030.csv');
    expect(names).toContain('complaints_20261105.csv');
    for (const name of names) {
      const kind = name.replace(/(_\d{8})?\.csv$/, '') as keyof typeof HEADERS;
      expect(read(dir, name).split('\n')[0]).toBe(HEADERS[kind].join(','));
    }
  });

  it('matches the columns of shared/data-format.md', () => {
    const contract = contractColumns(readFileSync(CONTRACT, 'utf8'));
    expect(Object.keys(contract).sort()).toEqual(Object.keys(HEADERS).sort());
    for (const [kind, cols] of Object.entries(contract))
      expect([...HEADERS[kind as keyof typeof HEADERS]]).toEqual(cols);
  });

  it('is byte-identical for the same seed', () => {
    for (const name of readdirSync(dir)) expect(read(again, name), name).toBe(read(dir, name));
  });

  it('is the same bank as the seed, with daily snapshots that add up', () => {
    const { bank, customers } = snapshot('XS', 3, AS_OF);
    const file = rows(dir, 'customers.csv');
    expect(file).toHaveLength(customers.length);
    expect(file[0]!.slice(0, 2)).toEqual([customers[0]!.profile.customerId, customers[0]!.profile.name]);
    expect(rows(dir, 'relationships.csv')).toHaveLength(customers.filter((c) => c.rel).length);

    const sums = (f: string) => {
      const m = new Map<string, bigint>();
      for (const r of rows(dir, f)) m.set(r[1]!, (m.get(r[1]!) ?? 0n) + parseYuan(r[4]!));
      return m;
    };
    const today = sums('holdings_20261105.csv');
    for (const c of customers) expect(today.get(c.profile.customerId) ?? 0n).toBe(c.walk.aumFen);
    // month-to-date average from the files is the seeded month average
    const month = ['01', '02', '03', '04', '05'].map((d) => sums(`holdings_202611${d}.csv`));
    for (const c of customers) {
      const total = month.reduce((s, m) => s + (m.get(c.profile.customerId) ?? 0n), 0n);
      expect(total / 5n, c.profile.customerId).toBe(c.now.monthAvgFen);
    }
    expect(bank.staff.members).toHaveLength(rows(dir, 'staff.csv').length);
  });

  it('lets term products mature out of the snapshots and keeps balances non-negative', () => {
    const key = (r: string[]) => `${r[1]}/${r[2]}/${r[3]}`;
    const first = rows(dir, 'holdings_20261030.csv');
    const last = new Set(rows(dir, 'holdings_20261105.csv').map(key));
    const gone = first.filter((r) => r[5] && r[5] <= AS_OF && !last.has(key(r)));
    expect(gone.length).toBeGreaterThan(0);
    for (const f of readdirSync(dir).filter((n) => n.startsWith('holdings_')))
      for (const r of rows(dir, f)) expect(parseYuan(r[4]!)).toBeGreaterThanOrEqual(0n);
  });

  it('writes activity in the contract formats', () => {
    const contacts = readdirSync(dir)
      .filter((n) => n.startsWith('contacts_'))
      .flatMap((f) => rows(dir, f));
    expect(contacts.length).toBeGreaterThan(0);
    for (const r of contacts) {
      expect(r[4]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(['', '0', '1']).toContain(r[6]);
    }
    const txns = readdirSync(dir)
      .filter((n) => n.startsWith('transactions_'))
      .flatMap((f) => rows(dir, f));
    for (const r of txns) {
      expect(r[4]).toMatch(/^\d+\.\d{2}$/);
      expect(['in', 'out']).toContain(r[3]);
    }
    expect(read(dir, 'products.csv')).toMatch(
      /\nTD07,个人大额存单一年期,time_deposit,fixed_income,R1,200000.00,365,1\n/,
    );
  });
});
