/**
 * Customer list API at scale M on PostgreSQL: latency of GET /api/customers (page of 50) for
 * head office, a branch head, an outlet head and an RM, with and without filters, over HTTP on
 * loopback. Reference in the same run: the bare page query (ORDER BY … LIMIT 50, no scope, no
 * count) sent straight to PostgreSQL. Needs the `guanhu_bench_m` database of seed-m (seeds it if
 * missing).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { ensureDefaultSettings } from '../src/platform/settings-store.js';
import { buildApp } from '../src/platform/http/app.js';
import { modules } from '../src/modules.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { systemClock } from '../src/platform/context.js';
import { seedDatabase } from '../src/synth/index.js';
import { databaseExists, dbUrl, percentile, recreateDatabase, round, writeResult } from './lib.js';

const DB = 'guanhu_bench_m';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

if (!(await databaseExists(DB))) {
  const url = await recreateDatabase(DB);
  const h0 = await openDatabase({ databaseUrl: url });
  await migrateDatabase(h0);
  await ensureDefaultSettings(h0.db);
  await seedDatabase(h0, { scale: 'M', seed: 1, asOf: '2026-11-20' });
  await h0.close();
}
const h = await openDatabase({ databaseUrl: dbUrl(DB) });
await migrateDatabase(h);
const app = await buildApp(
  { db: h.db, handle: h, log: createLogger('warn'), clock: systemClock },
  { ...loadConfig({}), loginPerMinute: 1000 },
  modules,
);
const address = await app.listen({ port: 0, host: '127.0.0.1' });

async function login(username: string): Promise<string> {
  const r = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'guanhu-demo' }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

const users = ['hq01', 'br01', 'ob01', 'rm0001'];
const cookies = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await login(u)] as const)));
const queries = [
  '',
  'tier=premium',
  'tier=wealth',
  'page=20',
  'managed=false&tier=affluent',
  'q=C0000',
  'orgId=OT0005',
  'band=wealth',
];

const samples: Record<string, number[]> = {};
const perQuery: Record<string, number[]> = {};
const all: number[] = [];
for (let round_ = 0; round_ < ROUNDS; round_++) {
  for (const u of users) {
    for (const q of queries) {
      const t = performance.now();
      const r = await fetch(`${address}/api/customers?pageSize=50&${q}`, { headers: { cookie: cookies[u]! } });
      if (!r.ok) throw new Error(`${u} ${q}: ${r.status} ${await r.text()}`);
      await r.json();
      const ms = performance.now() - t;
      if (round_ > 0) {
        (samples[u] ??= []).push(ms);
        (perQuery[`${u} ${q || '(none)'}`] ??= []).push(ms);
        all.push(ms);
      }
    }
  }
}
// The first request after a data change recomputes the cached population groups.
await h.db.execute(sql`UPDATE data_versions SET version = version + 1 WHERE name = 'customers'`);
const tCold = performance.now();
await (await fetch(`${address}/api/customers?pageSize=50`, { headers: { cookie: cookies.hq01! } })).json();
const coldMs = performance.now() - tCold;
await app.close();
await h.close();

// Reference: the bare page query straight to PostgreSQL.
const c = new pg.Client({ connectionString: dbUrl(DB) });
await c.connect();
const ref: number[] = [];
for (let i = 0; i < ROUNDS * 4; i++) {
  const t = performance.now();
  await c.query(
    `SELECT d.customer_id, c.name, d.tier, d.aum_fen, d.avg_fen FROM customer_aum_daily d JOIN customers c ON c.customer_id = d.customer_id
     WHERE d.as_of_date = (SELECT value::date FROM system_state WHERE key = 'aum_as_of')
     ORDER BY d.avg_fen DESC NULLS LAST, d.customer_id LIMIT 50 OFFSET $1`,
    [(i % 8) * 50],
  );
  if (i >= 4) ref.push(performance.now() - t);
}
const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM customers')).rows as [{ n: number }];
await c.end();

const sortAsc = (a: number[]) => [...a].sort((x, y) => x - y);
const s = sortAsc(all);
const perUser = Object.fromEntries(
  Object.entries(samples).map(([u, v]) => [
    u,
    { p50: round(percentile(sortAsc(v), 50)), p95: round(percentile(sortAsc(v), 95)) },
  ]),
);
const refSorted = sortAsc(ref);
// the slowest user × filter combinations, to see which query a p95 comes from
const slowest = Object.entries(perQuery)
  .map(([k, v]) => ({ query: k, p50: round(percentile(sortAsc(v), 50)), p95: round(percentile(sortAsc(v), 95)) }))
  .sort((a, b) => b.p95 - a.p95)
  .slice(0, 8);
writeResult('customer-list-m', {
  database: 'postgresql',
  customers: n,
  requests: all.length,
  pageSize: 50,
  queries,
  firstRequestAfterDataChangeMs: round(coldMs),
  ms: { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]!) },
  perUser,
  slowest,
  reference: {
    what: 'bare page query (current day, ORDER BY avg_fen LIMIT 50, no scope, no count) straight to PostgreSQL',
    p50: round(percentile(refSorted, 50)),
    p95: round(percentile(refSorted, 95)),
  },
  ratioP95ToReference: round(percentile(s, 95) / percentile(refSorted, 95)),
  target: { p95Ms: 100, met: percentile(s, 95) < 100 },
});
