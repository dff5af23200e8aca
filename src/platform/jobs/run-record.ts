/**
 * Records of job runs in batch_runs: one row per attempt at a business date, written outside
 * the steps' own transactions so a failed or killed run still leaves its record (a killed run
 * stays 'running'; the planner treats it like a failed one).
 */
import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { query } from '../db/query.js';

export interface StepRecord {
  name: string;
  /** rows the step wrote or evaluated (what that means is the step's to say) */
  rows: number;
  ms: number;
  /** optional human detail, e.g. "12 changes, 40 customers updated" */
  detail?: string;
}

export interface RunRecord {
  runId: string;
  businessDate: string;
  status: 'running' | 'succeeded' | 'failed';
  settingsVersion: number | null;
  steps: StepRecord[];
  message: string | null;
}

/**
 * Starts a run: id `<prefix>-<date>-<n>`, n counting attempts at that date, so ids are
 * deterministic for a given history and readable in logs.
 */
export async function startRun(db: AppDb, prefix: string, businessDate: string, settingsVersion: number) {
  const [row] = await query<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM batch_runs WHERE business_date = ${businessDate}::date AND run_id LIKE ${`${prefix}-%`}`,
  );
  const runId = `${prefix}-${businessDate}-${(row?.n ?? 0) + 1}`;
  await db.execute(
    sql`INSERT INTO batch_runs (run_id, business_date, status, settings_version) VALUES (${runId}, ${businessDate}::date, 'running', ${settingsVersion})`,
  );
  return runId;
}

export async function recordStep(db: AppDb, runId: string, step: StepRecord): Promise<void> {
  await db.execute(
    sql`UPDATE batch_runs SET steps = steps || ${JSON.stringify([step])}::jsonb WHERE run_id = ${runId}`,
  );
}

export async function finishRun(db: AppDb, runId: string, status: 'succeeded' | 'failed', message?: string) {
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
    steps: StepRecord[];
    message: string | null;
  }>(
    db,
    sql`SELECT run_id, business_date::text, status::text, settings_version, steps, message FROM batch_runs WHERE run_id = ${runId}`,
  );
  if (!r) return null;
  return {
    runId: r.run_id,
    businessDate: r.business_date,
    status: r.status,
    settingsVersion: r.settings_version,
    steps: typeof r.steps === 'string' ? (JSON.parse(r.steps) as StepRecord[]) : r.steps,
    message: r.message,
  };
}

/** Times one step: runs it, records {name, rows, ms} on the run, and hands the record back. */
export async function timedStep(
  db: AppDb,
  runId: string,
  name: string,
  fn: () => Promise<{ rows: number; detail?: string }>,
): Promise<StepRecord> {
  const t = performance.now();
  const r = await fn();
  const step: StepRecord = {
    name,
    rows: r.rows,
    ms: Math.round(performance.now() - t),
    ...(r.detail ? { detail: r.detail } : {}),
  };
  await recordStep(db, runId, step);
  return step;
}
