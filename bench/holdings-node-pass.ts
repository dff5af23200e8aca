/**
 * The holdings fast path's Node pass alone (read + sha256 + split + validate + typed output + key
 * hashing), without PostgreSQL: the import's stage phase is bound by this one thread, so this is
 * what to profile and compare before/after a change, in the same run (the machine is shared, so
 * absolute timings drift). Id sets are built from the file's own ids (untimed).
 *
 *   npx tsx bench/holdings-node-pass.ts [rounds] [file]
 *   FORMAT=binary npx tsx bench/holdings-node-pass.ts   (the import's binary COPY tuples)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/holdings-node-pass.ts
 *
 * Prints per round the CPU time of the pass and a sha256 of the COPY output, so a change can be
 * checked to write the same bytes. Not a *.bench.ts: `npm run bench` does not run it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HoldingsRows, type CopyFormat, type HoldingsColumns } from '../src/features/ingest/holdings-rows.js';
import { IdSet } from '../src/features/ingest/id-set.js';
import { KeySeen } from '../src/features/ingest/key-seen.js';
import { readChunks } from '../src/features/ingest/read-records.js';
import { RecordSplitter } from '../src/features/ingest/record-splitter.js';

const format = (process.env.FORMAT ?? 'csv') as CopyFormat;
const rounds = Number(process.argv[2] ?? 3);
const file = process.argv[3] ?? '/tmp/guanhu-m-files/holdings_20261120.csv';

/** distinct customer and product ids of the file (columns 1 and 3 of the generated file) */
function ownIds(): { customers: IdSet; products: IdSet } {
  const text = readFileSync(file, 'utf8');
  const customers = new Set<string>();
  const products = new Set<string>();
  let p = text.indexOf('\n') + 1;
  while (p < text.length) {
    const e = text.indexOf('\n', p);
    const end = e < 0 ? text.length : e;
    const f = text.slice(p, end).split(',');
    if (f[1]) customers.add(f[1]);
    if (f[3]) products.add(f[3]);
    p = end + 1;
  }
  return { customers: IdSet.of(customers), products: IdSet.of(products) };
}

const cols: HoldingsColumns = {
  as_of_date: 0,
  customer_id: 1,
  account_id: 2,
  product_id: 3,
  balance: 4,
  maturity_date: 5,
};

async function pass(refs: { customers: IdSet; products: IdSet }) {
  const out = createHash('sha256');
  const keys = new KeySeen();
  let rejects = 0;
  const rows = new HoldingsRows(6, cols, refs, '2026-11-20', () => rejects++, keys, format);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const scan = new RecordSplitter(true);
  const read = scan;
  let begun = false;
  for await (const c of readChunks(file, 'utf8', { bytes: 0, checksum: null })) {
    out.update(scan.push(c).bytes);
    if (scan.header && !begun) {
      scan.begin(rows);
      begun = true;
      out.update(scan.push(Buffer.alloc(0)).bytes);
    }
  }
  out.update(scan.end().bytes);
  const cpuMs = process.cpuUsage(cpu);
  const wallMs = performance.now() - t0;
  const t1 = performance.now();
  const cand = keys.candidates().length;
  return {
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpuMs.user + cpuMs.system) / 1000),
    candidatesMs: Math.round(performance.now() - t1),
    read: read.read,
    loaded: rows.loaded,
    rejected: rejects + read.rejects.length,
    candidates: cand,
    out: out.digest('hex').slice(0, 16),
  };
}

const refs = ownIds();
for (let r = 0; r < rounds; r++) console.log(JSON.stringify(await pass(refs)));
