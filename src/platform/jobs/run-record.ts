/**
 * Records of job runs in batch_runs: one row per attempt at a business date, written outside
 * the steps' own transactions so a failed or killed run still leaves its record (a killed run
 * stays 'running'; the planner treats it like a failed one).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { query } from '../db/query.js';
import type { StepOutcome } from './batch-step.js';
import type { RunStatus } from '../../domain/enums.js';

export interface StepRecord {
  name: string;
  /** rows the step wrote or evaluated (what that means is the step's to say) */
  rows: number;
  ms: number;
  /** optional human detail in English, e.g. "12 changes, 40 customers updated" (CLI, logs) */
  detail?: string;
  /** the same as a code and parameters the web UI translates (batch-step.ts StepDetail) */
  detailCode?: string;
  detailParams?: Record<string, string | number | boolean>;
}

export interface RunRecord {
  runId: string;
  businessDate: string;
  status: RunStatus;
  settingsVersion: number | null;
  /** the step a partial run (`batch run --only`) started from; null for a whole night */
  onlyStep: string | null;
  steps: StepRecord[];
  message: string | null;
}

/**
 * Starts a run: id `<prefix>-<date>-<n>`, n counting attempts at that date, so ids are
 * deterministic for a given history and readable in logs.
 */
export async function startRun(
  db: AppDb,
  prefix: string,
  businessDate: string,
  settingsVersion: number,
  onlyStep: string | null = null,
) {
  const [row] = await query<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM batch_runs WHERE business_date = ${businessDate}::date AND run_id LIKE ${`${prefix}-%`}`,
  );
  const runId = `${prefix}-${businessDate}-${(row?.n ?? 0) + 1}`;
  await db.execute(
    sql`INSERT INTO batch_runs (run_id, business_date, status, settings_version, only_step)
        VALUES (${runId}, ${businessDate}::date, 'running', ${settingsVersion}, ${onlyStep})`,
  );
  return runId;
}

export async function recordStep(db: AppDb, runId: string, step: StepRecord): Promise<void> {
  await db.execute(
    sql`UPDATE batch_runs SET steps = steps || ${JSON.stringify([step])}::jsonb WHERE run_id = ${runId}`,
  );
}

export async function finishRun(db: AppDb, runId: string, status: Exclude<RunStatus, 'running'>, message?: string) {
  await db.execute(
    sql`UPDATE batch_runs SET status = ${status}, finished_at = now(), message = ${message ?? null} WHERE run_id = ${runId}`,
  );
}

export async function getRun(db: AppDb, runId: string): Promise<RunRecord | null> {
  const [r] = await query<{
    run_id: string;
    business_date: string;
    status: RunRecord['status'];
    settings_version: number | null;
    only_step: string | null;
    steps: StepRecord[];
    message: string | null;
  }>(
    db,
    sql`SELECT run_id, business_date::text, status::text, settings_version, only_step, steps, message
        FROM batch_runs WHERE run_id = ${runId}`,
  );
  if (!r) return null;
  return {
    runId: r.run_id,
    businessDate: r.business_date,
    status: r.status,
    settingsVersion: r.settings_version,
    onlyStep: r.only_step,
    steps: typeof r.steps === 'string' ? (JSON.parse(r.steps) as StepRecord[]) : r.steps,
    message: r.message,
  };
}

/** Times one step: runs it, records {name, rows, ms, detail} on the run, and hands the record back. */
export async function timedStep(
  db: AppDb,
  runId: string,
  name: string,
  fn: () => Promise<StepOutcome>,
): Promise<StepRecord> {
  const t = performance.now();
  const r = await fn();
  const step: StepRecord = {
    name,
    rows: r.rows,
    ms: Math.round(performance.now() - t),
    ...(r.detail ? { detail: r.detail.text, detailCode: r.detail.code, detailParams: r.detail.params } : {}),
  };
  await recordStep(db, runId, step);
  return step;
}
