/**
 * Step "aum": D's customer_aum_daily partition (AUM, 积数, average, the day's tier, band and home
 * outlet, and the tier and band the day before, from day-rows-sql.ts), built whole in fresh
 * standalone tables and swapped in.
 *
 * Why this shape (measured at 1 M customers, docs/architecture.md "Nightly batch"):
 *  - with `workers` > 1 (PostgreSQL), the day is itself partitioned by customer id range, one
 *    part per session: each session fills its part (INSERT … SELECT cannot use PostgreSQL's
 *    parallel query, and the joins are by far the largest cost), builds its indexes and analyses
 *    it, so both cores stay busy through the index builds too. PGlite has one connection: one
 *    plain table there;
 *  - a table has no index while it fills; each index is then built once, from the parent's own
 *    definitions (so an index added by a migration is built too), and ATTACH PARTITION adopts it;
 *  - the tables copy the parent's columns and CHECK constraints plus CHECK (as_of_date = D) (and
 *    a part its id range), so neither ATTACH needs a validation scan.
 * The staging tables are committed before the sessions fill them, so a killed run can leave them
 * behind: the next run drops them first. Nothing a reader sees changes until the swap, which is
 * one transaction; the tables, indexes and constraints are then renamed so a re-run can use the
 * staging names again.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import type { Settings } from '../../domain/settings.js';
import type { AppDb, DbHandle } from '../../platform/db/client.js';
import { partitionName, swapDayPartition } from '../../platform/db/partitions.js';
import { query } from '../../platform/db/query.js';
import { lit } from '../../platform/db/sql-literal.js';
import { AppError } from '../../platform/errors.js';
import { affectedRows, dayOfMonth, dayPartitions, hasDayPartition } from './day-tables.js';
import { dayRowsSql, type IdRange } from './day-rows-sql.js';
import { parentIndexes } from './parent-indexes.js';

export interface AumDayOptions {
  /** sessions computing the rows at once (1 on PGlite); default 1 */
  workers?: number;
}

/** Sessions a day is built with on this database: the configured number, or 1 on PGlite (one connection). */
export const aumWorkers = (h: DbHandle, configured: number): number => (h.kind === 'postgres' ? configured : 1);

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
  // 积数 carries over within a month only: the previous day must have been processed — unless
  // no earlier day has been (the bank's first day of data, mid-month: its month so far is taken
  // at this day's balances)
  const gap = dayOfMonth(date) > 1 && !previousDay;
  const baseline = gap && !(await dayPartitions(db, 'customer_aum_daily')).some((d) => d < date);
  if (gap && !baseline)
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
  const ranges = await idRanges(db, Math.max(1, o.workers ?? 1));
  const parts = ranges.length > 1 ? ranges.map((range, i) => ({ table: `${stage}_${i + 1}`, range })) : [];
  await dropStaging(db, stage);
  let mark = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - mark);
    mark = performance.now();
    return ms;
  };

  /** one standalone table of rows (a range, or every customer), then its indexes */
  const build = async (table: string, range: IdRange | undefined): Promise<number> => {
    await db.execute(sql.raw(`CREATE TABLE ${table} (LIKE customer_aum_daily INCLUDING CONSTRAINTS)`));
    const checks = [`ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`];
    if (range) checks.push(`ADD CONSTRAINT ${table}_range CHECK (${rangeCheck(range)})`);
    await db.execute(sql.raw(`ALTER TABLE ${table} ${checks.join(', ')}`));
    const rows = await inTransaction(db, async (t) =>
      affectedRows(
        await t.execute(sql`
          INSERT INTO ${sql.raw(table)} (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band,
                                         home_org_id, prev_tier, prev_band)
          ${dayRowsSql(date, tiers, { previousDay, baseline, range })}`),
      ),
    );
    for (const ix of indexes) await inTransaction(db, (t) => t.execute(sql.raw(ix.create(table))));
    // a part's statistics, which the planner uses for it (the swap analyses a one-table day)
    if (range) await db.execute(sql.raw(`ANALYZE ${table}`));
    return rows;
  };

  let rows: number;
  if (!parts.length) rows = await build(stage, undefined);
  else {
    // the day is partitioned by customer id range, one partition per session: each session fills
    // and indexes its own table, so the sessions stay busy through the index builds too
    await db.execute(
      sql.raw(`CREATE TABLE ${stage} (LIKE customer_aum_daily INCLUDING CONSTRAINTS) PARTITION BY RANGE (customer_id)`),
    );
    await db.execute(sql.raw(`ALTER TABLE ${stage} ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`));
    for (const ix of indexes) await db.execute(sql.raw(ix.create(stage)));
    const counts = await Promise.all(parts.map((p) => build(p.table, p.range)));
    rows = counts.reduce((a, b) => a + b, 0);
    // each part's indexes match the day's, so ATTACH adopts them; its CHECKs spare the scan
    for (const p of parts)
      await db.execute(sql.raw(`ALTER TABLE ${stage} ATTACH PARTITION ${p.table} FOR VALUES ${rangeBounds(p.range)}`));
  }
  const buildMs = lap();

  await inTransaction(db, async (t) => {
    await swapDayPartition(t, 'customer_aum_daily', date, stage, parts.length === 0);
    for (const ix of indexes)
      await t.execute(sql.raw(`ALTER INDEX ${stage}_${ix.suffix} RENAME TO ${target}_${ix.suffix}`));
    await t.execute(sql.raw(`ALTER TABLE ${target} RENAME CONSTRAINT ${stage}_day TO ${target}_day`));
    for (const [i, p] of parts.entries()) {
      const name = `${target}_${i + 1}`;
      await t.execute(sql.raw(`ALTER TABLE ${p.table} RENAME TO ${name}`));
      await t.execute(sql.raw(`ALTER TABLE ${name} RENAME CONSTRAINT ${p.table}_range TO ${name}_range`));
      for (const ix of indexes)
        await t.execute(sql.raw(`ALTER INDEX ${p.table}_${ix.suffix} RENAME TO ${name}_${ix.suffix}`));
    }
  });
  const sessions = Math.max(1, parts.length);
  const detail = `${sessions} session${sessions > 1 ? 's' : ''}: rows and ${indexes.length} indexes ${buildMs} ms, swap ${lap()} ms`;
  return { rows, detail };
}

/** Drops what a killed run may have left: the staging day and its parts, attached or not. */
async function dropStaging(db: AppDb, stage: string): Promise<void> {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${stage}`));
  const left = await query<{ name: string }>(
    db,
    sql`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relname ~ ${`^${stage}_[0-9]+$`}`,
  );
  for (const r of left) await db.execute(sql.raw(`DROP TABLE IF EXISTS ${r.name}`));
}

function rangeCheck(r: IdRange): string {
  const conds = ['customer_id IS NOT NULL'];
  if (r.from !== null) conds.push(`customer_id >= ${lit(r.from)}`);
  if (r.to !== null) conds.push(`customer_id < ${lit(r.to)}`);
  return conds.join(' AND ');
}

function rangeBounds(r: IdRange): string {
  return `FROM (${r.from === null ? 'MINVALUE' : lit(r.from)}) TO (${r.to === null ? 'MAXVALUE' : lit(r.to)})`;
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
 * (an index-only walk): [null, b1), [b1, b2), …, [bn−1, null). The ranges cover every id
 * whatever the split points, so a stale estimate can only make them uneven.
 */
export async function idRanges(db: AppDb, n: number): Promise<IdRange[]> {
  if (n <= 1) return [{ from: null, to: null }];
  // the planner's row estimate is close enough to split on, and costs no scan
  const [c] = await query<{ n: number }>(
    db,
    sql`SELECT greatest(reltuples, 0)::int AS n FROM pg_class WHERE oid = 'customers'::regclass`,
  );
  const total = c?.n ?? 0;
  if (total < n) return [{ from: null, to: null }];
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
