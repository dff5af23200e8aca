/**
 * Reassignment at scale M on PostgreSQL, end to end (issue 11): `guanhu assign plan` for the whole
 * bank (gather every customer needing an RM and every RM, solve, write the batch) and
 * `guanhu assign apply` of it (locks, stale and cap checks, relationships, stewardship state,
 * audit rows, notifications), through the same use cases the CLI calls. Target: ≤ 60 s together.
 * Works on its own database `guanhu_bench_assign` (apply changes the book), copied from the
 * pristine `guanhu_bench_assign_seed` this benchmark keeps (else from seed-m's `guanhu_bench_m`,
 * else a fresh M seed, which is then kept as the pristine copy).
 */
import { sql } from 'drizzle-orm';
import { applyBatch } from '../src/features/stewardship/apply-batch.js';
import { cliOperator } from '../src/features/stewardship/operator.js';
import { planBatch } from '../src/features/stewardship/plan-batch.js';
import { systemClock } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { query } from '../src/platform/db/query.js';
import { createLogger } from '../src/platform/log.js';
import { ensureDefaultSettings } from '../src/platform/settings-store.js';
import { seedDatabase } from '../src/synth/index.js';
import { adminQuery, databaseExists, dbUrl, recreateDatabase, round, timed, writeResult } from './lib.js';

const DB = 'guanhu_bench_assign';
const PRISTINE = 'guanhu_bench_assign_seed';
const SOURCE = (await databaseExists(PRISTINE))
  ? PRISTINE
  : (await databaseExists('guanhu_bench_m'))
    ? 'guanhu_bench_m'
    : null;

let seededSeconds: number | null = null;
if (SOURCE) {
  await adminQuery(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${DB} TEMPLATE ${SOURCE}`);
} else {
  const url = await recreateDatabase(DB);
  const h0 = await openDatabase({ databaseUrl: url });
  await migrateDatabase(h0);
  await ensureDefaultSettings(h0.db);
  console.error('seeding scale M (no guanhu_bench_m to copy) …');
  const s = await timed(() => seedDatabase(h0, { scale: 'M', seed: 1, asOf: '2026-11-20' }));
  seededSeconds = round(s.seconds);
  await h0.close();
  await adminQuery(`CREATE DATABASE ${PRISTINE} TEMPLATE ${DB}`);
}

const h = await openDatabase({ databaseUrl: dbUrl(DB) });
await migrateDatabase(h);
const ctx = { db: h.db, handle: h, log: createLogger('warn'), clock: systemClock };
const [state] = await query<{ eligible: number; needing: number; customers: number }>(
  h.db,
  sql`SELECT (SELECT count(*) FROM customers)::int AS customers,
             count(*) FILTER (WHERE state <> 'release')::int AS eligible,
             count(*) FILTER (WHERE state IN ('unmanaged', 'orphaned', 'wrong_role', 'idle'))::int AS needing
      FROM customer_stewardship`,
);
const op = cliOperator();
const plan = await timed(() => planBatch(ctx, op, {}));
const apply = await timed(() => applyBatch(ctx, op, plan.value.batchId));
const again = await timed(() => applyBatch(ctx, op, plan.value.batchId));
await h.close();

const total = plan.seconds + apply.seconds;
writeResult('assign-plan', {
  database: 'postgresql',
  scale: 'M',
  copiedFrom: SOURCE,
  seededSeconds,
  population: state,
  batch: {
    batchId: plan.value.batchId,
    proposals: plan.value.proposals.length,
    unassigned: plan.value.unassigned.length,
    objective: plan.value.objective,
  },
  planSeconds: round(plan.seconds),
  applySeconds: round(apply.seconds),
  applied: apply.value.applied,
  secondApply: { seconds: round(again.seconds), applied: again.value.applied },
  totalSeconds: round(total),
  target: { totalSeconds: 60, met: total <= 60 },
});
