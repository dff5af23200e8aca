/**
 * The importer against damaged files (issue 9): 540 mutated files of all nine kinds, from a
 * seeded generator, into a database holding a clean load of an XS bank. For every file: no
 * crash, read = loaded + rejected, every reject names its file, line, column and reason, and a
 * file that failed or was refused changed no table at all (a hash of every contract table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { freshDb, type TestDb } from '../support/db.js';
import { query } from '../../src/platform/db/query.js';
import { generateFiles } from '../../src/synth/index.js';
import { importPath } from '../../src/features/ingest/import-path.js';

const AS_OF = '2026-11-20';
const FILES_PER_KIND = 60;
const TABLES = [
  'org_units',
  'staff',
  'products',
  'customers',
  'relationships',
  'holdings',
  'transactions',
  'contacts',
  'complaints',
];

let t: TestDb;
const work = mkdtempSync(join(tmpdir(), 'guanhu-fuzz-'));
const clean = join(work, 'clean');
let names: string[] = [];

/** mulberry32: a small seeded generator, so a failure replays exactly */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

const lineStarts = (b: Buffer) => {
  const s = [0];
  for (let i = b.indexOf(0x0a); i >= 0 && i < b.length - 1; i = b.indexOf(0x0a, i + 1)) s.push(i + 1);
  return s;
};
const at = (b: Buffer, i: number, ins: Buffer | string, cut = 0) =>
  Buffer.concat([b.subarray(0, i), Buffer.from(ins), b.subarray(i + cut)]);

/** One damage, as a bank's warehouse (or a careless hand) would do it. */
const MUTATIONS: [string, (b: Buffer, r: Rng) => Buffer][] = [
  ['flip a byte', (b, r) => at(b, r.int(b.length), Buffer.from([r.int(256)]), 1)],
  ['stray quote', (b, r) => at(b, r.int(b.length), '"')],
  ['NUL byte', (b, r) => at(b, r.int(b.length), '\u0000')],
  ['bare CR', (b, r) => at(b, r.int(b.length), '\r')],
  ['invalid UTF-8', (b, r) => at(b, r.int(b.length), Buffer.from([0xff]))],
  ['truncate', (b, r) => b.subarray(0, r.int(b.length))],
  ['header only', (b) => b.subarray(0, b.indexOf(0x0a) + 1)],
  ['empty', () => Buffer.alloc(0)],
  ['CR-only line ends', (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r'), 'latin1')],
  [
    'drop a line',
    (b, r) => {
      const s = lineStarts(b);
      const k = 1 + r.int(Math.max(1, s.length - 1));
      return Buffer.concat([b.subarray(0, s[k] ?? b.length), b.subarray(s[k + 1] ?? b.length)]);
    },
  ],
  [
    'repeat a line',
    (b, r) => {
      const s = lineStarts(b);
      const k = 1 + r.int(Math.max(1, s.length - 1));
      return at(b, s[k] ?? b.length, b.subarray(s[k] ?? b.length, s[k + 1] ?? b.length));
    },
  ],
  [
    'drop a header column',
    (b, r) => {
      const lf = b.indexOf(0x0a);
      const cols = b.subarray(0, lf).toString().split(',');
      cols.splice(r.int(cols.length), 1);
      return at(b, 0, cols.join(','), lf);
    },
  ],
  [
    'swap header columns',
    (b, r) => {
      const lf = b.indexOf(0x0a);
      const cols = b.subarray(0, lf).toString().split(',');
      const i = r.int(cols.length);
      const j = r.int(cols.length);
      [cols[i], cols[j]] = [cols[j]!, cols[i]!];
      return at(b, 0, cols.join(','), lf);
    },
  ],
  [
    'huge value',
    (b, r) => {
      const s = lineStarts(b);
      return at(b, s[1 + r.int(Math.max(1, s.length - 1))] ?? 0, 'x'.repeat(200_000 + r.int(100_000)));
    },
  ],
  [
    'spaces and a zero-width space around an id',
    (b, r) => {
      const s = lineStarts(b);
      const p = s[1 + r.int(Math.max(1, s.length - 1))] ?? 0;
      return at(b, p, r.next() < 0.5 ? '  ' : '\u200b');
    },
  ],
  [
    'enormous amount',
    (b, r) => {
      const text = b.toString('utf8');
      const m = [...text.matchAll(/,(\d+\.\d{1,2}),/g)];
      if (!m.length) return b;
      const hit = r.pick(m);
      return Buffer.from(text.slice(0, hit.index) + ',9999999999999999.99,' + text.slice(hit.index! + hit[0].length));
    },
  ],
  [
    'garbage line',
    (b, r) => {
      const s = lineStarts(b);
      const junk = Buffer.from(Array.from({ length: 1 + r.int(80) }, () => r.int(256)));
      return at(b, s[1 + r.int(Math.max(1, s.length - 1))] ?? b.length, Buffer.concat([junk, Buffer.from('\n')]));
    },
  ],
  [
    'remove a comma',
    (b, r) => {
      const i = b.indexOf(0x2c, r.int(b.length));
      return i < 0 ? b : at(b, i, '', 1);
    },
  ],
];

async function tableHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [r] = await query<{ h: string | null }>(
      t.handle.db,
      sql.raw(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`),
    );
    out[table] = r?.h ?? '';
  }
  return out;
}

beforeAll(async () => {
  t = await freshDb();
  await generateFiles({ scale: 'XS', seed: 11, asOf: AS_OF, days: 1, outDir: clean });
  names = readdirSync(clean).filter((n) => n.endsWith('.csv'));
  const res = await importPath(t.handle, clean, { reportDir: join(work, 'clean-reports') });
  expect(res.files.map((f) => f.status)).toEqual(res.files.map(() => 'loaded'));
}, 300_000);
afterAll(async () => {
  await t?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe('importing mutated files', () => {
  it(`keeps every invariant over ${FILES_PER_KIND} mutated files of each of the nine kinds`, async () => {
    expect(names).toHaveLength(9);
    const r = rng(20261201);
    // smaller files import faster: all of holdings (a day is the whole file), 300 rows of the rest
    const bases = new Map(
      names.map((n) => {
        const b = readFileSync(join(clean, n));
        const s = lineStarts(b);
        return [n, n.startsWith('holdings') || s.length <= 301 ? b : b.subarray(0, s[301])];
      }),
    );
    let hashes = await tableHashes();
    const seen: Record<string, number> = {};
    let files = 0;
    for (let round = 0; round < FILES_PER_KIND; round++) {
      for (const name of names) {
        let body: Buffer = bases.get(name)!;
        const applied: string[] = [];
        for (let k = 1 + r.int(3); k > 0; k--) {
          const [what, mutate] = r.pick(MUTATIONS);
          body = mutate(body, r);
          applied.push(what);
        }
        const dir = join(work, `f${files++}`);
        mkdirSync(dir);
        writeFileSync(join(dir, name), body);
        const where = `${name} after ${applied.join(' + ')} (file ${files})`;
        const res = await importPath(t.handle, dir, { reportDir: join(dir, 'reports') });
        expect(res.files, where).toHaveLength(1);
        const f = res.files[0]!;
        seen[f.status] = (seen[f.status] ?? 0) + 1;
        if (f.status === 'loaded') {
          expect(f.read, where).toBe(f.loaded + f.rejected);
          if (f.rejected) {
            const rejects = parse(readFileSync(f.rejectsPath!, 'utf8'), { columns: true }) as Record<string, string>[];
            expect(rejects.length, where).toBeGreaterThan(0);
            for (const x of rejects) {
              expect(x.file, where).toBe(name);
              expect(Number(x.line), where).toBeGreaterThan(1);
              expect(x.column, where).not.toBe('');
              expect(x.reason, where).not.toBe('');
            }
          }
          hashes = await tableHashes();
        } else {
          if (f.status === 'failed') expect(f.message, where).toBeTruthy();
          expect(await tableHashes(), where).toEqual(hashes);
        }
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(files).toBeGreaterThanOrEqual(500);
    // the mutations reached both outcomes
    expect(seen.loaded).toBeGreaterThan(50);
    expect(seen.failed).toBeGreaterThan(20);
  }, 900_000);
});
