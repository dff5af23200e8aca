/**
 * The nightly batch started from the web: the same use case as `guanhu batch run [--date]`
 * (every module's steps; a date re-runs that date and every processed date after it), in the
 * background under the pipeline job lock, each step recorded on the job as it finishes.
 */
import type { Ctx } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { CONFIG_ROLES, requireRole } from '../../platform/auth/roles.js';
import { writeAudit } from '../../platform/audit.js';
import type { BatchStepDefinition } from '../../platform/jobs/batch-step.js';
import { batchSessions, runBatch } from '../../platform/jobs/run-batch.js';
import type { JobRegistry, PipelineJob } from './pipeline-jobs.js';

export async function startBatch(
  ctx: Ctx,
  jobs: JobRegistry,
  actor: Actor,
  input: { date?: string; steps: readonly BatchStepDefinition[]; workers: number; ip?: string },
): Promise<PipelineJob> {
  requireRole(actor, CONFIG_ROLES, 'the nightly batch');
  const job = jobs.reserve('batch', actor.username, ctx.clock.now());
  await jobs.start(
    ctx.handle,
    job,
    async () => {
      await writeAudit(ctx.db, {
        action: 'batch_started',
        entityType: 'batch_job',
        entityId: job.id,
        actorUserId: actor.userId,
        actorStaffId: actor.staffId,
        ip: input.ip ?? null,
        after: { date: input.date ?? null },
      });
      const results = await runBatch(ctx.db, input.steps, {
        date: input.date,
        workers: batchSessions(ctx.handle, input.workers),
        onPlan: (dates, steps) => {
          job.dates = dates;
          // a step whose `when` refuses a date (month end only) does not run on it
          job.total = dates.reduce((n, d) => n + steps.filter((s) => !s.when || s.when(d)).length, 0);
          if (!dates.length) job.message = 'nothing to do: every loaded date is processed';
        },
        onStep: (date, s) => {
          job.steps.push({ date, name: s.name, rows: s.rows ?? null, ms: s.ms ?? null });
          job.done = job.steps.length;
          job.phase = `${date} ${s.name}`;
        },
      });
      job.done = job.total;
      job.phase = null;
      if (results.length) job.message = results.map((r) => `${r.date}: ${r.runId}`).join(', ');
    },
    () => ctx.clock.now(),
  );
  return job;
}
