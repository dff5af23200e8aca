/**
 * Step "aum": D's customer_aum_daily partition (AUM, 积数, average, the day's tier, band and home
 * outlet, and the tier and band the day before, from day-rows-sql.ts), built whole in a fresh
 * standalone table and swapped in.
 *
 * Why this shape (measured at 1 M customers, docs/architecture.md "Nightly batch"):
 *  - the rows are computed by `workers` sessions at once, each over its own range of customer
 *    ids (INSERT … SELECT cannot use PostgreSQL's parallel query, and the joins are by far the
 *    largest cost); PGlite has one connection, so one worker there;
 *  - the table has no index while it fills; each index is then built once, from the parent's own
 *    definitions (so an index added by a migration is built too), and ATTACH PARTITION adopts it;
 *  - it copies the parent's columns and CHECK constraints plus CHECK (as_of_date = D), so ATTACH
 *    needs no validation scan.
 * The staging table is committed before the workers fill it (they are other sessions), so a
 * killed run can leave it behind: the next run drops it first. Nothing a reader sees changes
 * until the swap, which is one transaction; the indexes and the constraint are then renamed so a
 * re-run can use the staging names again.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import type { Settings } from '../../domain/settings.js';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName, swapDayPartition } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import { AppError } from '../../platform/errors.js';
import { affectedRows, dayOfMonth, hasDayPartition } from './day-tables.js';
import { dayRowsSql, type IdRange } from './day-rows-sql.js';
import { parentIndexes } from './parent-indexes.js';

export interface AumDayOptions {
  /** sessions computing the rows at once (1 on PGlite); default 1 */
  workers?: number;
}

/** batch-sized memory for the joins and index builds (the 4 MB default spills to disk) */
const BATCH_MEMORY = [`SET LOCAL work_mem = '256MB'`, `SET LOCAL maintenance_work_mem = '512MB'`];

export async function buildAumDay(
  db: AppDb,
  date: string,
  tiers: Settings['tiers'],
  o: AumDayOptions = {},
): Promise<{ rows: number; detail: string }> {
  if (!(await hasDayPartition(db, 'holdings', date)))
    throw new AppError('NOT_FOUND', `no holdings are loaded for ${date}: import holdings_${date} first`);
  const prev = addDays(date, -1);
  const previousDay = await hasDayPartition(db, 'customer_aum_daily', prev);
  // 积数 carries over within a month only: the previous day must have been processed
  if (dayOfMonth(date) > 1 && !previousDay)
    throw new AppError(
      'CONFLICT',
      `cannot build AUM for ${date}: the previous day ${prev} has no customer_aum_daily (run the batch for ${prev} first)`,
    );

  // D's tier step reads the day before's tiers from D−1's rows: they must be D−1's whole result
  const [last] = await query<{ status: string }>(
    db,
    sql`SELECT status::text FROM batch_runs WHERE business_date = ${prev}::date ORDER BY started_at DESC, run_id DESC LIMIT 1`,
  );
  if (last && last.status !== 'succeeded')
    throw new AppError(
      'CONFLICT',
      `cannot build AUM for ${date}: the last batch run of the previous day ${prev} did not finish (${last.status}); run \`guanhu batch run\` to finish it first`,
    );

  const target = partitionName('customer_aum_daily', date);
  const stage = `customer_aum_daily_s${date.replace(/-/g, '')}`;
  const indexes = await parentIndexes(db, 'customer_aum_daily');
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${stage}`));
  await db.execute(sql.raw(`CREATE TABLE ${stage} (LIKE customer_aum_daily INCLUDING CONSTRAINTS)`));
  await db.execute(sql.raw(`ALTER TABLE ${stage} ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`));

  const ranges = await idRanges(db, Math.max(1, o.workers ?? 1));
  let mark = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - mark);
    mark = performance.now();
    return ms;
  };
  const counts = await Promise.all(
    ranges.map((range) =>
      inTransaction(db, async (t) => {
        const inserted = await t.execute(sql`
          INSERT INTO ${sql.raw(stage)} (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band,
                                         home_org_id, prev_tier, prev_band)
          ${dayRowsSql(date, tiers, { previousDay, range })}`);
        return affectedRows(inserted);
      }),
    ),
  );
  const computeMs = lap();
  for (const ix of indexes) await inTransaction(db, (t) => t.execute(sql.raw(ix.create(stage))));
  const indexMs = lap();

  await inTransaction(db, async (t) => {
    await swapDayPartition(t, 'customer_aum_daily', date, stage);
    for (const ix of indexes)
      await t.execute(sql.raw(`ALTER INDEX ${stage}_${ix.suffix} RENAME TO ${target}_${ix.suffix}`));
    await t.execute(sql.raw(`ALTER TABLE ${target} RENAME CONSTRAINT ${stage}_day TO ${target}_day`));
  });
  const detail = `${ranges.length} sessions: rows ${computeMs} ms, ${indexes.length} indexes ${indexMs} ms, swap ${lap()} ms`;
  return { rows: counts.reduce((a, b) => a + b, 0), detail };
}

async function inTransaction<T>(db: AppDb, fn: (t: AppDb) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    for (const s of BATCH_MEMORY) await t.execute(sql.raw(s));
    return fn(t);
  });
}

/**
 * `n` ranges of customer ids with about as many customers each, from the customers primary key
 * (an index-only walk): [null, b1), [b1, b2), …, [bn−1, null).
 */
export async function idRanges(db: AppDb, n: number): Promise<IdRange[]> {
  if (n <= 1) return [{ from: null, to: null }];
  const [c] = await query<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM customers`);
  const total = c?.n ?? 0;
  const bounds: string[] = [];
  for (let k = 1; k < n; k++) {
    const [b] = await query<{ id: string }>(
      db,
      sql`SELECT customer_id AS id FROM customers ORDER BY customer_id OFFSET ${Math.floor((total * k) / n)} LIMIT 1`,
    );
    if (b && b.id !== bounds[bounds.length - 1]) bounds.push(b.id);
  }
  const edges = [null, ...bounds, null];
  return edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] ?? null }));
}
