/**
 * `guanhu batch run [--date]`: plans the dates (plan-batch.ts) and runs them one after another,
 * stopping at the first failure: every later date depends on the failed one's 积数 and tiers.
 */
import type { AppDb } from '../../platform/db/client.js';
import { planFrom, planPending } from './plan-batch.js';
import { runBatchDay, type BatchDayOptions, type BatchDayResult } from './run-batch-day.js';

export interface RunBatchOptions extends BatchDayOptions {
  date?: string;
  onPlan?: (dates: string[]) => void;
}

export async function runBatch(db: AppDb, opts: RunBatchOptions = {}): Promise<BatchDayResult[]> {
  const dates = opts.date ? await planFrom(db, opts.date) : await planPending(db);
  opts.onPlan?.(dates);
  const results: BatchDayResult[] = [];
  for (const d of dates) results.push(await runBatchDay(db, d, opts));
  return results;
}
