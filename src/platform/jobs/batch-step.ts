/**
 * A nightly batch step is a definition, not an edit of the runner: a name, the steps it runs
 * after, an optional `when(date)` (e.g. month ends only) and a handler. Each feature module
 * declares its own steps (src/features/<capability>/steps.ts); the runner (run-batch.ts) orders
 * every module's steps by their `after` lists and records each one in batch_runs.
 *
 * A handler must be idempotent for its date: the runner may run a date again (a re-run, a
 * cascade after an earlier date changed, a repair after a killed run).
 */
import type { VersionedSettings } from '../settings-store.js';
import type { AppDb } from '../db/client.js';

export interface StepContext {
  db: AppDb;
  /** the business date being processed, YYYY-MM-DD */
  date: string;
  /** the settings version in force when the run started (recorded on the run) */
  settings: VersionedSettings;
  /** database sessions a step may use at once (1 on PGlite) */
  workers: number;
  runId: string;
}

/**
 * What a step did, for people: a stable code and parameters the web UI translates
 * (`batch.detail.<code>` in its i18n files), and the same in English for the CLI and logs.
 */
export interface StepDetail {
  code: string;
  params: Record<string, string | number | boolean>;
  text: string;
}

export interface StepOutcome {
  /** rows the step wrote or evaluated (what that means is the step's to say) */
  rows: number;
  detail?: StepDetail;
}

export interface BatchStepDefinition {
  /** unique across modules; lower-case words and dashes, e.g. `org-tier` */
  name: string;
  /** one line for `guanhu batch steps` */
  description: string;
  /** steps that must have run (for the same date) before this one */
  after?: readonly string[];
  /** runs only on the dates this accepts (default: every date) */
  when?: (date: string) => boolean;
  /** how `when` reads, for `guanhu batch steps`, e.g. "month end" */
  whenLabel?: string;
  run(c: StepContext): Promise<StepOutcome>;
}

/** Identity helper that keeps a step's literal types when a module declares it. */
export const defineStep = (s: BatchStepDefinition): BatchStepDefinition => s;
