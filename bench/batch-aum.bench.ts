/**
 * Nightly batch, steps aum (AUM + 积数 + the day's tier decisions, one day partition) and tiers
 * (history + changed customers), for the day after the seeded one:
 *  - PostgreSQL, scale M (`guanhu_bench_m` of seed-m, seeded if missing): 2026-11-21's holdings
 *    are the 20th's with some balances perturbed by a deterministic expression so tiers move;
 *  - PGlite, scale S, seeded into a temporary directory.
 * Reference in the same run on the same database: the bare per-customer GROUP BY over the day's
 * holdings (run twice, the second timed), i.e. the least any AUM step must do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type DbHandle } from '../src/platform/db/client.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { ensureDayPartition } from '../src/platform/db/partitions.js';
import { setCurrentAumDate, setCustomerTiersDate } from '../src/platform/db/state.js';
import { ensureDefaultSettings } from '../src/platform/settings-store.js';
import { batchSessions, runBatchDay } from '../src/platform/jobs/run-batch.js';
import { nightlySteps } from '../src/modules.js';
import { seedDatabase } from '../src/synth/index.js';
import { databaseExists, dbUrl, recreateDatabase, round, timed, writeResult } from './lib.js';

const DB = 'guanhu_bench_m';
const SEEDED = '2026-11-20';
const DAY = '2026-11-21';

/**
 * The next day's holdings, and the database put back to the seeded day's state so every run of
 * this benchmark measures the same work: 1 account in 20 doubles, 1 in 20 halves (hashtext is
 * deterministic).
 */
async function prepareNextDay(h: DbHandle): Promise<void> {
  const db = h.db;
  await db.execute(sql.raw(`DROP TABLE IF EXISTS holdings_p${DAY.replace(/-/g, '')}`));
  await db.execute(sql.raw(`DROP TABLE IF EXISTS customer_aum_daily_p${DAY.replace(/-/g, '')}`));
  await db.execute(sql`DELETE FROM tier_history WHERE changed_on >= ${DAY}::date`);
  await db.execute(sql`DELETE FROM batch_runs WHERE business_date >= ${DAY}::date`);
  await db.execute(sql`DELETE FROM org_tier_daily WHERE as_of_date >= ${DAY}::date`);
  await db.execute(sql`
    UPDATE customers c SET tier = d.tier, band = d.band,
      tier_since = coalesce((SELECT max(changed_on) FROM tier_history t WHERE t.customer_id = c.customer_id), c.tier_since)
    FROM customer_aum_daily d WHERE d.as_of_date = ${SEEDED}::date AND d.customer_id = c.customer_id
      AND (c.tier IS DISTINCT FROM d.tier OR c.band IS DISTINCT FROM d.band)`);
  // customers now equal the seeded day's rows, as after that night's tier step
  await setCurrentAumDate(db, SEEDED);
  await setCustomerTiersDate(db, SEEDED);
  await ensureDayPartition(db, 'holdings', DAY);
  await db.execute(sql`
    INSERT INTO holdings (as_of_date, customer_id, account_id, product_id, balance_fen, maturity_date)
    SELECT ${DAY}::date, customer_id, account_id, product_id,
      CASE abs(hashtext(account_id)) % 20 WHEN 0 THEN balance_fen * 2 WHEN 1 THEN balance_fen / 2 ELSE balance_fen END,
      maturity_date
    FROM holdings WHERE as_of_date = ${SEEDED}::date`);
  await db.execute(sql.raw(`ANALYZE holdings_p${DAY.replace(/-/g, '')}`));
}

/** The first batch after a seed or an import of customers: every customer is compared in `tiers`. */
async function measureFirstDay(h: DbHandle) {
  await prepareNextDay(h);
  await h.db.execute(sql`DELETE FROM system_state WHERE key = 'tiers_as_of'`);
  await h.db.execute(sql.raw('CHECKPOINT'));
  const run = await runBatchDay(h.db, nightlySteps, DAY, { workers: 1 });
  const tiers = run.steps.find((s) => s.name === 'tiers')!;
  return { tiersSeconds: round(tiers.ms / 1000), detail: tiers.detail };
}

async function measure(h: DbHandle) {
  await prepareNextDay(h);
  // as `guanhu batch run` does: GUANHU_BATCH_WORKERS (default 2) sessions on PostgreSQL
  const workers = batchSessions(h, loadConfig().batchWorkers);
  // both the step and the reference start without a pending checkpoint (the day's preparation
  // writes hundreds of MB of WAL, whose checkpoint would otherwise land in the measurement)
  const checkpoint = () => h.db.execute(sql.raw('CHECKPOINT'));
  await checkpoint();
  const run = await runBatchDay(h.db, nightlySteps, DAY, { workers });
  const ms = (name: string) => run.steps.find((s) => s.name === name)?.ms ?? 0;
  const batchSeconds = (ms('aum') + ms('tiers')) / 1000;
  const ref = sql`SELECT customer_id, sum(balance_fen) FROM holdings WHERE as_of_date = ${DAY} GROUP BY customer_id`;
  await h.db.execute(ref);
  await checkpoint();
  const reference = await timed(() => h.db.execute(ref));
  const [customers] = (
    (await h.db.execute(sql`SELECT count(*)::int AS n FROM customers`)) as unknown as { rows: { n: number }[] }
  ).rows;
  return {
    customers: customers?.n ?? 0,
    workers,
    runId: run.runId,
    steps: run.steps,
    aumPlusTiersSeconds: round(batchSeconds),
    reference: {
      what: 'SELECT customer_id, sum(balance_fen) FROM holdings (the day) GROUP BY customer_id',
      seconds: round(reference.seconds),
    },
    ratio: round(batchSeconds / reference.seconds),
  };
}

// PostgreSQL, scale M
if (!(await databaseExists(DB))) {
  const url = await recreateDatabase(DB);
  const h0 = await openDatabase({ databaseUrl: url });
  await migrateDatabase(h0);
  await ensureDefaultSettings(h0.db);
  await seedDatabase(h0, { scale: 'M', seed: 1, asOf: SEEDED });
  await h0.close();
}
// The first-day path (every customer compared) on the same data on both databases: scale S
const DB_S = 'guanhu_bench_s';
if (!(await databaseExists(DB_S))) {
  const url = await recreateDatabase(DB_S);
  const h0 = await openDatabase({ databaseUrl: url });
  await migrateDatabase(h0);
  await ensureDefaultSettings(h0.db);
  await seedDatabase(h0, { scale: 'S', seed: 1, asOf: SEEDED });
  await h0.close();
}
const pgS = await openDatabase({ databaseUrl: dbUrl(DB_S) });
await migrateDatabase(pgS);
const firstDayPostgres = await measureFirstDay(pgS);
await pgS.close();
console.error(`first day, PostgreSQL S: ${JSON.stringify(firstDayPostgres)}`);

const pgH = await openDatabase({ databaseUrl: dbUrl(DB) });
await migrateDatabase(pgH);
await ensureDefaultSettings(pgH.db);
const postgres = await measure(pgH);
await pgH.close();
console.error(`PostgreSQL M: ${JSON.stringify(postgres)}`);

// PGlite, scale S
const dir = mkdtempSync(join(tmpdir(), 'guanhu-bench-batch-'));
const liteH = await openDatabase({ dataDir: dir });
let pglite;
let firstDayPglite;
try {
  await migrateDatabase(liteH);
  await ensureDefaultSettings(liteH.db);
  await seedDatabase(liteH, { scale: 'S', seed: 1, asOf: SEEDED });
  pglite = await measure(liteH);
  firstDayPglite = await measureFirstDay(liteH);
} finally {
  await liteH.close();
  rmSync(dir, { recursive: true, force: true });
}

writeResult('batch-aum', {
  day: DAY,
  postgresql: { scale: 'M', ...postgres },
  pglite: { scale: 'S', ...pglite },
  ratioPgliteToPostgres: round(pglite.ratio / postgres.ratio),
  firstDay: {
    what: 'the first batch after a seed: step tiers compares every customer (scale S on both databases)',
    postgresql: firstDayPostgres,
    pglite: firstDayPglite,
    ratioPgliteToPostgres: round(firstDayPglite!.tiersSeconds / Math.max(firstDayPostgres.tiersSeconds, 0.001)),
    target: { ratio: 5, met: firstDayPglite!.tiersSeconds <= 5 * firstDayPostgres.tiersSeconds },
  },
  target: {
    seconds: 60,
    ratio: 5,
    met: postgres.aumPlusTiersSeconds < 60 && postgres.ratio < 5,
  },
});
