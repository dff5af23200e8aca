/**
 * Step "aum": D's customer_aum_daily partition (AUM, 积数, average, and the day's tier, band and
 * home outlet from day-rows-sql.ts), built whole in a fresh standalone table and swapped in.
 *
 * Why this shape: one INSERT … SELECT (hash joins over the population) into a table without
 * indexes, then one build per index, costs about what the raw GROUP BY does plus the index
 * builds. The table copies the parent's columns and CHECK constraints (LIKE … INCLUDING
 * CONSTRAINTS: checked per row while inserting, cheap) plus CHECK (as_of_date = D), so ATTACH
 * PARTITION needs no validation scan; the indexes are built from the parent's own definitions
 * (so an index added by a migration is built too) and renamed after the swap so a re-run can
 * use the same staging names again.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/dates.js';
import type { Settings } from '../../domain/settings.js';
import type { AppDb } from '../../platform/db/client.js';
import { partitionName, swapDayPartition } from '../../platform/db/partitions.js';
import { AppError } from '../../platform/errors.js';
import { affectedRows, dayOfMonth, hasDayPartition } from './day-tables.js';
import { dayRowsSql } from './day-rows-sql.js';
import { parentIndexes } from './parent-indexes.js';

export async function buildAumDay(db: AppDb, date: string, tiers: Settings['tiers']): Promise<{ rows: number }> {
  if (!(await hasDayPartition(db, 'holdings', date)))
    throw new AppError('NOT_FOUND', `no holdings are loaded for ${date}: import holdings_${date} first`);
  const prev = addDays(date, -1);
  // 积数 carries over within a month only: the previous day must have been processed
  if (dayOfMonth(date) > 1 && !(await hasDayPartition(db, 'customer_aum_daily', prev)))
    throw new AppError(
      'CONFLICT',
      `cannot build AUM for ${date}: the previous day ${prev} has no customer_aum_daily (run the batch for ${prev} first)`,
    );

  const target = partitionName('customer_aum_daily', date);
  const stage = `customer_aum_daily_s${date.replace(/-/g, '')}`;
  const indexes = await parentIndexes(db, 'customer_aum_daily');
  return db.transaction(async (tx) => {
    const t = tx as unknown as AppDb;
    // batch-sized memory for the hash joins and index builds (the 4MB default spills to disk)
    await t.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await t.execute(sql.raw(`SET LOCAL maintenance_work_mem = '512MB'`));
    await t.execute(sql.raw(`DROP TABLE IF EXISTS ${stage}`));
    await t.execute(sql.raw(`CREATE TABLE ${stage} (LIKE customer_aum_daily INCLUDING CONSTRAINTS)`));
    await t.execute(sql.raw(`ALTER TABLE ${stage} ADD CONSTRAINT ${stage}_day CHECK (as_of_date = '${date}')`));
    const inserted = await t.execute(sql`
      INSERT INTO ${sql.raw(stage)} (as_of_date, customer_id, aum_fen, accum_fen, days, avg_fen, tier, band, home_org_id)
      ${dayRowsSql(date, tiers)}`);
    for (const ix of indexes) await t.execute(sql.raw(ix.create(stage)));
    await swapDayPartition(t, 'customer_aum_daily', date, stage);
    for (const ix of indexes)
      await t.execute(sql.raw(`ALTER INDEX ${stage}_${ix.suffix} RENAME TO ${target}_${ix.suffix}`));
    await t.execute(sql.raw(`ALTER TABLE ${target} RENAME CONSTRAINT ${stage}_day TO ${target}_day`));
    return { rows: affectedRows(inserted) };
  });
}
