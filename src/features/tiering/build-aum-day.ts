/**
 * Step "aum": D's customer_aum_daily partition (AUM, 积数, average, the day's tier, band and home
 * outlet, and the tier and band the day before, from day-rows-sql.ts), built whole by the
 * platform's day-partition machinery (src/platform/db/build-day-partition.ts) and swapped in.
 * This file holds what is particular to AUM: which days may be built, and from what.
 */
import { addDays, dayOfMonth } from '../../domain/dates.js';
import type { Settings } from '../../domain/settings.js';
import type { AppDb } from '../../platform/db/client.js';
import { buildDayPartition } from '../../platform/db/build-day-partition.js';
import { dayPartitions, hasDayPartition } from '../../platform/db/partitions.js';
import { AppError } from '../../platform/errors.js';
import type { StepOutcome } from '../../platform/jobs/batch-step.js';
import { lastRunStatus } from '../../platform/jobs/plan-batch.js';
import { dayRowsSql } from './day-rows-sql.js';

export interface AumDayOptions {
  /** sessions computing the rows at once (1 on PGlite); default 1 */
  workers?: number;
}

const COLUMNS = [
  'as_of_date',
  'customer_id',
  'aum_fen',
  'accum_fen',
  'days',
  'avg_fen',
  'tier',
  'band',
  'home_org_id',
  'prev_tier',
  'prev_band',
] as const;

export async function buildAumDay(
  db: AppDb,
  date: string,
  tiers: Settings['tiers'],
  o: AumDayOptions = {},
): Promise<StepOutcome> {
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
  const last = await lastRunStatus(db, prev);
  if (last && last !== 'succeeded')
    throw new AppError(
      'CONFLICT',
      `cannot build AUM for ${date}: the last batch run of the previous day ${prev} did not finish (${last}); run \`guanhu batch run\` to finish it first`,
    );

  const r = await buildDayPartition(db, {
    table: 'customer_aum_daily',
    date,
    workers: o.workers ?? 1,
    columns: COLUMNS,
    select: (range) => dayRowsSql(date, tiers, { previousDay, baseline, range }),
  });
  const s = r.sessions;
  return {
    rows: r.rows,
    detail: {
      code: 'aum.built',
      params: { sessions: s, indexes: r.indexes, buildMs: r.buildMs, swapMs: r.swapMs },
      text: `${s} session${s > 1 ? 's' : ''}: rows and ${r.indexes} indexes ${r.buildMs} ms, swap ${r.swapMs} ms`,
    },
  };
}
