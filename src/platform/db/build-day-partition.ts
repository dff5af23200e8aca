/**
 * Builds one day of a day-partitioned table (partitions.ts) whole, for any batch step: fresh
 * standalone tables filled by INSERT … SELECT, indexed once from the parent's own definitions,
 * analysed, and swapped in as the day's partition in one transaction.
 *
 * Why this shape (measured at 1 M customers, docs/architecture.md "Nightly batch"):
 *  - with `workers` > 1 (PostgreSQL), the day is itself partitioned by a key range (customer id by
 *    default), one part per session: each session fills its part (INSERT … SELECT cannot use
 *    PostgreSQL's parallel query, and joins are most of a step's cost), builds its indexes and
 *    analyses it, so both cores stay busy through the index builds too. PGlite has one
 *    connection: one plain table there;
 *  - a table has no index while it fills; each index is then built once, from the parent's own
 *    definitions (so an index a migration adds is built too), and ATTACH PARTITION adopts it;
 *  - the tables copy the parent's columns and CHECK constraints plus CHECK (as_of_date = D) (and
 *    a part its key range), so neither ATTACH needs a validation scan.
 * The staging tables are committed before the sessions fill them, so a killed run can leave them
 * behind: the next build drops them first. Nothing a reader sees changes until the swap; the
 * tables, indexes and constraints are then renamed so a re-run can use the staging names again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { parentIndexes } from './parent-indexes.js';
import { partitionName, swapDayPartition, type DayPartitioned } from './partitions.js';
import { affectedRows, query } from './query.js';
import { lit } from './sql-literal.js';

/** key values from `from` (inclusive) to `to` (exclusive); null: unbounded */
export interface IdRange {
  from: string | null;
  to: string | null;
}

export interface DayPartitionBuild {
  /** the partitioned parent, e.g. customer_aum_daily */
  table: DayPartitioned;
  date: string;
  /** sessions filling the day at once (1 on PGlite) */
  workers: number;
  /** the parent's columns the SELECT fills, in its order */
  columns: readonly string[];
  /** the SELECT giving the day's rows; with a range, only keys in it (the whole day when undefined) */
  select(range: IdRange | undefined): SQL;
  /**
   * the key a multi-session day is split on, and the table whose primary key gives the split
   * points (default: customer_id from customers)
   */
  split?: { column: string; source: string };
}

export interface DayPartitionResult {
  rows: number;
  sessions: number;
  indexes: number;
  buildMs: number;
  swapMs: number;
}

/** batch-sized memory for the joins and index builds (the 4 MB default spills to disk) */
const BATCH_MEMORY = [`SET LOCAL work_mem = '256MB'`, `SET LOCAL maintenance_work_mem = '512MB'`];

export async function buildDayPartition(db: AppDb, b: DayPartitionBuild): Promise<DayPartitionResult> {
  const { table: parent, date } = b;
  const split = b.split ?? { column: 'customer_id', source: 'customers' };
  const target = partitionName(parent, date);
  const stage = `${parent}_s${date.replace(/-/g, '')}`;
  const indexes = await parentIndexes(db, parent);
  const ranges = await keyRanges(db, split, Math.max(1, b.workers));
  const parts = ranges.length > 1 ? ranges.map((range, i) => ({ table: `${stage}_${i + 1}`, range })) : [];
  await dropStaging(db, stage);
  let mark = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - mark);
    mark = performance.now();
    return ms;
  };

  /** one standalone table of rows (a range, or the whole day), then its indexes */
  const build = async (table: string, range: IdRange | undefined): Promise<number> => {
    await db.execute(sql.raw(`CREATE TABLE ${table} (LIKE ${parent} INCLUDING CONSTRAINTS)`));
    const checks = [`ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`];
    if (range) checks.push(`ADD CONSTRAINT ${table}_range CHECK (${rangeCheck(split.column, range)})`);
    await db.execute(sql.raw(`ALTER TABLE ${table} ${checks.join(', ')}`));
    const rows = await inTransaction(db, async (t) =>
      affectedRows(
        await t.execute(sql`INSERT INTO ${sql.raw(table)} (${sql.raw(b.columns.join(', '))}) ${b.select(range)}`),
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
    await db.execute(
      sql.raw(`CREATE TABLE ${stage} (LIKE ${parent} INCLUDING CONSTRAINTS) PARTITION BY RANGE (${split.column})`),
    );
    await db.execute(sql.raw(`ALTER TABLE ${stage} ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`));
    for (const ix of indexes) await db.execute(sql.raw(ix.create(stage)));
    const counts = await Promise.all(parts.map((p) => build(p.table, p.range)));
    rows = counts.reduce((a, c) => a + c, 0);
    // each part's indexes match the day's, so ATTACH adopts them; its CHECKs spare the scan
    for (const p of parts)
      await db.execute(sql.raw(`ALTER TABLE ${stage} ATTACH PARTITION ${p.table} FOR VALUES ${rangeBounds(p.range)}`));
  }
  const buildMs = lap();

  await inTransaction(db, async (t) => {
    await swapDayPartition(t, parent, date, stage, parts.length === 0);
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
  return { rows, sessions: Math.max(1, parts.length), indexes: indexes.length, buildMs, swapMs: lap() };
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

function rangeCheck(column: string, r: IdRange): string {
  const conds = [`${column} IS NOT NULL`];
  if (r.from !== null) conds.push(`${column} >= ${lit(r.from)}`);
  if (r.to !== null) conds.push(`${column} < ${lit(r.to)}`);
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
 * `n` ranges of keys with about as many rows each, from the source table's primary key (an
 * index-only walk): [null, b1), [b1, b2), …, [bn−1, null). The ranges cover every key whatever
 * the split points, so a stale estimate can only make them uneven.
 */
export async function keyRanges(db: AppDb, split: { column: string; source: string }, n: number): Promise<IdRange[]> {
  if (n <= 1) return [{ from: null, to: null }];
  // the planner's row estimate is close enough to split on, and costs no scan
  const [c] = await query<{ n: number }>(
    db,
    sql`SELECT greatest(reltuples, 0)::int AS n FROM pg_class WHERE oid = ${split.source}::regclass`,
  );
  const total = c?.n ?? 0;
  if (total < n) return [{ from: null, to: null }];
  const bounds: string[] = [];
  for (let k = 1; k < n; k++) {
    const [b] = await query<{ id: string }>(
      db,
      sql`SELECT ${sql.raw(split.column)} AS id FROM ${sql.raw(split.source)} ORDER BY ${sql.raw(split.column)}
          OFFSET ${Math.floor((total * k) / n)} LIMIT 1`,
    );
    if (b && b.id !== bounds[bounds.length - 1]) bounds.push(b.id);
  }
  const edges = [null, ...bounds, null];
  return edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1] ?? null }));
}
