/**
 * Imports and batch runs started from the web: an in-memory registry of jobs (id → phase,
 * progress, results so far) that the imports page polls, and the one rule they share with the
 * CLI: one pipeline job at a time. A second job in this process is refused at once, before its
 * upload is read; one in another process (the CLI, a second server on PostgreSQL) is refused by
 * the same job lock `guanhu import` and `guanhu batch run` take (PIPELINE_LOCK). The work runs
 * in the background once the lock is held; the registry keeps the last few finished jobs.
 */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../../platform/db/client.js';
import { PIPELINE_LOCK } from '../../platform/cli.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { ImportKind } from '../../domain/enums.js';
import type { ReasonCount } from './reject-summary.js';
import type { FileStatus } from './types.js';

export type JobKind = 'import' | 'batch';
export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface JobFile {
  file: string;
  kind: ImportKind;
  businessDate: string | null;
  status: FileStatus;
  read: number;
  loaded: number;
  rejected: number;
  message: string | null;
  topReasons: ReasonCount[];
  /** its import_files row, for the rejects download */
  importFileId: number | null;
  rejectsAvailable: boolean;
}

export interface JobStep {
  date: string;
  name: string;
  rows: number | null;
  ms: number | null;
}

export interface PipelineJob {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** what it is doing now: `upload`, a file name, `<date> <step>` */
  phase: string | null;
  /** import: bytes; batch: steps */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  message: string | null;
  /** import: each file as it finishes, and names skipped */
  files: JobFile[];
  skipped: string[];
  /** batch: the dates it runs, and each step as it finishes */
  dates: string[];
  steps: JobStep[];
}

const KEEP = 20;

export class JobRegistry {
  private readonly jobs = new Map<string, PipelineJob>();
  private work: Promise<void> | null = null;

  get(id: string): PipelineJob | undefined {
    return this.jobs.get(id);
  }

  /** newest first */
  list(): PipelineJob[] {
    return [...this.jobs.values()].reverse();
  }

  running(): PipelineJob | undefined {
    return [...this.jobs.values()].find((j) => j.status === 'running');
  }

  /**
   * Takes this process's slot for a new job, or refuses with CONFLICT (409) naming the job that
   * holds it. The job shows as running from now on (an upload is part of it).
   */
  reserve(kind: JobKind, startedBy: string, at: Date): PipelineJob {
    const busy = this.running();
    if (busy) throw busyError(busy);
    const job: PipelineJob = {
      id: `${kind === 'import' ? 'i' : 'b'}${at
        .toISOString()
        .replace(/[-:T.Z]/g, '')
        .slice(0, 14)}_${randomBytes(3).toString('hex')}`,
      kind,
      status: 'running',
      phase: kind === 'import' ? 'upload' : null,
      done: 0,
      total: 0,
      startedAt: at.toISOString(),
      finishedAt: null,
      startedBy,
      message: null,
      files: [],
      skipped: [],
      dates: [],
      steps: [],
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  /** a reserved job that never started (bad upload, lock refused) leaves no trace */
  drop(job: PipelineJob): void {
    this.jobs.delete(job.id);
  }

  /**
   * Runs `fn` in the background under the pipeline job lock. Resolves once the lock is held;
   * rejects (and drops the job) when another process holds it. `fn`'s outcome is the job's.
   */
  start(h: DbHandle, job: PipelineJob, fn: (job: PipelineJob) => Promise<void>, now: () => Date): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let held = false;
      const finish = (err?: unknown) => {
        job.status = err === undefined ? 'succeeded' : 'failed';
        if (err !== undefined) job.message = isAppError(err) ? err.userMessage : (err as Error).message;
        job.finishedAt = now().toISOString();
      };
      this.work = h
        .withJobLock(PIPELINE_LOCK, async () => {
          held = true;
          resolve();
          await fn(job);
        })
        .then(
          () => finish(),
          (err: unknown) => {
            if (held) return finish(err);
            this.drop(job);
            reject(isAppError(err) && err.code === 'CONFLICT' ? busyError(null) : err);
          },
        );
    });
  }

  /** waits for the job in the background, if any (the app closing waits for it) */
  async settle(): Promise<void> {
    await this.work?.catch(() => undefined);
  }
}

function busyError(job: PipelineJob | null): AppError {
  return new AppError(
    'CONFLICT',
    job
      ? `an ${job.kind} job (${job.id}) is running; wait for it to finish (one import or batch at a time)`
      : 'another import or batch is running on this database; wait for it to finish (one import or batch at a time)',
    { details: { reason: 'job_running', jobId: job?.id ?? null, kind: job?.kind ?? null } },
  );
}
