/**
 * The nightly batch runner. It knows no step: every feature module declares its own
 * (batch-step.ts), the composition root (src/modules.ts) hands them over, and this file orders
 * them by their `after` lists, plans the dates (plan-batch.ts) and runs each date's steps one
 * after another, recording the run and each step in batch_runs with the settings version in
 * force when it started. Each step commits on its own and is idempotent, so a run killed part-way
 * is repaired by running the date again. The dates stop at the first failure: every later date
 * depends on the failed one (积数, tiers, relationships of the day before).
 *
 * `only`: a partial run of one step and every step after it (its dependents recompute from its
 * output), on the given date and every processed date after it, or on the current business date.
 * It needs the date to have been processed: a partial run repairs or refreshes a night, it does
 * not make one.
 */
import type { AppDb, DbHandle } from '../db/client.js';
import { currentAumDate, setCurrentAumDate } from '../db/state.js';
import { AppError, errorCause, isAppError } from '../errors.js';
import { loadSettings } from '../settings-store.js';
import type { BatchStepDefinition } from './batch-step.js';
import { orderSteps, withDependents } from './order-steps.js';
import { lastRunStatus, planFrom, planPending } from './plan-batch.js';
import { finishRun, startRun, timedStep, type StepRecord } from './run-record.js';

/** Sessions a step may use on this database: the configured number, or 1 on PGlite (one connection). */
export const batchSessions = (h: DbHandle, configured: number): number => (h.kind === 'postgres' ? configured : 1);

export interface BatchDayOptions {
  /** sessions a step may use at once (build-day-partition.ts); only PostgreSQL may use > 1 */
  workers?: number;
  /** run only this step and the steps after it */
  only?: string;
  onStep?: (date: string, step: StepRecord) => void;
  /** test hook: throw right after this step, as if the process were killed there */
  failAfter?: string;
}

export interface RunBatchOptions extends BatchDayOptions {
  date?: string;
  onPlan?: (dates: string[], steps: readonly BatchStepDefinition[]) => void;
}

export interface BatchDayResult {
  runId: string;
  date: string;
  settingsVersion: number;
  steps: StepRecord[];
}

export async function runBatch(
  db: AppDb,
  steps: readonly BatchStepDefinition[],
  opts: RunBatchOptions = {},
): Promise<BatchDayResult[]> {
  const ordered = orderSteps(steps);
  const chosen = opts.only ? withDependents(ordered, opts.only) : ordered;
  const dates = await planDates(db, opts);
  opts.onPlan?.(dates, chosen);
  const results: BatchDayResult[] = [];
  for (const d of dates) results.push(await runSteps(db, chosen, d, opts));
  return results;
}

/** One business date: the steps whose `when` accepts it, in order. */
export async function runBatchDay(
  db: AppDb,
  steps: readonly BatchStepDefinition[],
  date: string,
  opts: BatchDayOptions = {},
): Promise<BatchDayResult> {
  const ordered = orderSteps(steps);
  return runSteps(db, opts.only ? withDependents(ordered, opts.only) : ordered, date, opts);
}

async function planDates(db: AppDb, opts: RunBatchOptions): Promise<string[]> {
  if (!opts.only) return opts.date ? planFrom(db, opts.date) : planPending(db);
  const date = opts.date ?? (await currentAumDate(db));
  if (!date) throw new AppError('CONFLICT', 'no business date has been processed yet: run `guanhu batch run` first');
  if ((await lastRunStatus(db, date)) !== 'succeeded')
    throw new AppError(
      'CONFLICT',
      `--only needs a processed date, and ${date}'s last batch run did not succeed: run \`guanhu batch run --date ${date}\``,
    );
  return planFrom(db, date);
}

async function runSteps(
  db: AppDb,
  steps: readonly BatchStepDefinition[],
  date: string,
  opts: BatchDayOptions,
): Promise<BatchDayResult> {
  const settings = await loadSettings(db);
  const runId = await startRun(db, 'batch', date, settings.version, opts.only ?? null);
  const records: StepRecord[] = [];
  try {
    for (const s of steps) {
      if (s.when && !s.when(date)) continue;
      const rec = await timedStep(db, runId, s.name, () =>
        s.run({ db, date, settings, workers: opts.workers ?? 1, runId }).catch((err: unknown) => {
          // a person reads this on the console and the batch page: the cause, not the statement
          if (isAppError(err)) throw err;
          throw new AppError('INTERNAL', `step ${s.name} of ${date} failed: ${errorCause(err)}`, { cause: err });
        }),
      );
      records.push(rec);
      opts.onStep?.(date, rec);
      if (opts.failAfter === s.name) throw new Error(`injected failure after step ${s.name} of ${date}`);
    }
    // the business date the app shows moves on once every step of the night is done
    const current = await currentAumDate(db);
    if (!current || date >= current) await setCurrentAumDate(db, date);
    await finishRun(db, runId, 'succeeded');
  } catch (err) {
    await finishRun(db, runId, 'failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
  return { runId, date, settingsVersion: settings.version, steps: records };
}
