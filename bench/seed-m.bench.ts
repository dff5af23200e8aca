/**
 * `seed --scale M` into PostgreSQL: rows per second, against a raw COPY of the same rows into
 * unindexed, constraint-free copies of the tables, measured in the same run on the same server.
 * Leaves the seeded database `guanhu_bench_m` for the customer-list benchmark.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { ensureDefaultSettings } from '../src/platform/settings-store.js';
import { seedDatabase } from '../src/synth/index.js';
import { TARGETS } from '../src/synth/db-rows.js';
import { recreateDatabase, round, timed, writeResult } from './lib.js';

const DB = 'guanhu_bench_m';
// Every table the seed fills, as the seed itself lists them.
const TABLES = Object.keys(TARGETS);

const url = await recreateDatabase(DB);
const h = await openDatabase({ databaseUrl: url });
await migrateDatabase(h);
await ensureDefaultSettings(h.db);
let lastPhase = '';
const seed = await timed(() =>
  seedDatabase(h, {
    scale: 'M',
    seed: 1,
    asOf: '2026-11-20',
    onProgress: (p) => {
      if (p.phase !== lastPhase) console.error(`  ${p.phase} (${p.total})`);
      lastPhase = p.phase;
    },
  }),
);
await h.close();

// Reference: the same rows, exported, then COPY'd raw into unindexed tables without constraints.
const client = new pg.Client({ connectionString: url });
await client.connect();
const dir = mkdtempSync(join(tmpdir(), 'guanhu-bench-'));
let rows = 0;
let rawSeconds = 0;
for (const t of TABLES) {
  const file = join(dir, `${t}.csv`);
  await pipeline(client.query(copyTo(`COPY (SELECT * FROM ${t}) TO STDOUT (FORMAT csv)`)), createWriteStream(file));
  await client.query(`CREATE TABLE raw_${t} (LIKE ${t})`);
  const r = await timed(async () => {
    const s = client.query(copyFrom(`COPY raw_${t} FROM STDIN (FORMAT csv)`));
    await pipeline(createReadStream(file), s);
    return Number(s.rowCount);
  });
  rows += r.value;
  rawSeconds += r.seconds;
  await client.query(`DROP TABLE raw_${t}`);
}
await client.end();
rmSync(dir, { recursive: true, force: true });

writeResult('seed-m', {
  database: 'postgresql',
  scale: 'M',
  summary: seed.value,
  rows,
  seedSeconds: round(seed.seconds),
  seedRowsPerSecond: Math.round(rows / seed.seconds),
  reference: {
    what: 'raw COPY of the same rows into unindexed tables',
    seconds: round(rawSeconds),
    rowsPerSecond: Math.round(rows / rawSeconds),
  },
  ratioSeedToRawTime: round(seed.seconds / rawSeconds),
  target: { seedSeconds: 300, met: seed.seconds < 300 },
});
