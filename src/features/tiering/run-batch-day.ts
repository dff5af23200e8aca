/**
 * One business date of the nightly batch: aum (AUM, 积数 and the day's tier decisions, one day
 * partition) → tiers (history and customers) → monthly (month ends) → org-tier → the current AUM
 * date. Each step is idempotent and commits on its own, so a run killed part-way is
 * repaired by running the date again; the run and its steps are recorded in batch_runs with the
 * settings version in force when it started.
 */
import type { AppDb } from '../../platform/db/client.js';
import { currentAumDate, setCurrentAumDate } from '../../platform/db/state.js';
import { finishRun, startRun, timedStep, type StepRecord } from '../../platform/jobs/run-record.js';
import { loadSettings } from '../../platform/settings-store.js';
import { buildAumDay } from './build-aum-day.js';
import { closeMonth } from './close-month.js';
import { isMonthEnd } from './day-tables.js';
import { recordTierChanges } from './record-tier-changes.js';
import { summariseOrgTiers } from './summarise-org-tiers.js';

export type BatchStep = 'aum' | 'tiers' | 'monthly' | 'org-tier';

export interface BatchDayOptions {
  /** sessions computing the AUM rows at once (build-aum-day.ts); only PostgreSQL may use > 1 */
  workers?: number;
  onStep?: (date: string, step: StepRecord) => void;
  /** test hook: throw right after this step, as if the process were killed there */
  failAfter?: BatchStep;
}

export interface BatchDayResult {
  runId: string;
  date: string;
  settingsVersion: number;
  steps: StepRecord[];
}

export async function runBatchDay(db: AppDb, date: string, opts: BatchDayOptions = {}): Promise<BatchDayResult> {
  const settings = await loadSettings(db);
  const runId = await startRun(db, 'batch', date, settings.version);
  const steps: StepRecord[] = [];
  const step = async (name: BatchStep, fn: () => Promise<{ rows: number; detail?: string }>) => {
    const s = await timedStep(db, runId, name, fn);
    steps.push(s);
    opts.onStep?.(date, s);
    if (opts.failAfter === name) throw new Error(`injected failure after step ${name} of ${date}`);
  };
  try {
    await step('aum', () => buildAumDay(db, date, settings.value.tiers, { workers: opts.workers }));
    await step('tiers', () => recordTierChanges(db, date));
    if (isMonthEnd(date)) await step('monthly', () => closeMonth(db, date));
    await step('org-tier', () => summariseOrgTiers(db, date));
    const current = await currentAumDate(db);
    if (!current || date >= current) await setCurrentAumDate(db, date);
    await finishRun(db, runId, 'succeeded');
  } catch (err) {
    await finishRun(db, runId, 'failed', err instanceof Error ? err.message : String(err)).catch(() => undefined);
    throw err;
  }
  return { runId, date, settingsVersion: settings.version, steps };
}
